package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ACLs as `icacls` documents them for Windows' own folders: C:\ProgramData lets BUILTIN\Users create
 * files and folders ((CI)(WD,AD,WEA,WA)), Program Files gives them read and execute only.
 */
class AclFolderPermissionsTest {
    private static final int ALLOW = 0;
    private static final int DENY = 1;
    private static final int CONTAINER_INHERIT = 0x02;
    private static final int INHERIT_ONLY = 0x08;
    private static final int READ_EXECUTE = 0x1200A9;
    private static final int FULL = 0x1F01FF;

    @Test
    void programDataLetsStandardUsersAddFiles() {
        var programData = List.of(
                new AclFolderPermissions.Ace(ALLOW, 0, FULL, "S-1-5-18"),
                new AclFolderPermissions.Ace(ALLOW, 0, FULL, "S-1-5-32-544"),
                new AclFolderPermissions.Ace(ALLOW, INHERIT_ONLY | CONTAINER_INHERIT, 0x10000000, "S-1-3-0"),
                new AclFolderPermissions.Ace(ALLOW, 0, READ_EXECUTE, "S-1-5-32-545"),
                new AclFolderPermissions.Ace(ALLOW, CONTAINER_INHERIT, 0x2 | 0x4 | 0x10 | 0x100, "S-1-5-32-545"));
        assertEquals(Optional.of("BUILTIN\\Users may add files to it (access mask 0x116)"), AclFolderPermissions.interpret(programData));
    }

    @Test
    void aFolderOnlyAdministratorsMayWriteIsTrusted() {
        var programFiles = List.of(
                new AclFolderPermissions.Ace(ALLOW, 0, FULL, "S-1-5-18"),
                new AclFolderPermissions.Ace(ALLOW, 0, FULL, "S-1-5-32-544"),
                new AclFolderPermissions.Ace(ALLOW, 0, READ_EXECUTE, "S-1-5-32-545"),
                new AclFolderPermissions.Ace(ALLOW, 0, READ_EXECUTE, "S-1-5-11"),
                new AclFolderPermissions.Ace(DENY, 0, FULL, "S-1-1-0"),
                new AclFolderPermissions.Ace(ALLOW, INHERIT_ONLY, FULL, "S-1-5-32-545")); // for files inside only
        assertEquals(Optional.empty(), AclFolderPermissions.interpret(programFiles));
    }

    @Test
    void everyoneWithGenericWriteIsNotTrusted() {
        assertEquals(Optional.of("Everyone may add files to it (access mask 0x40000000)"),
                AclFolderPermissions.interpret(List.of(new AclFolderPermissions.Ace(ALLOW, 0, 0x40000000, "S-1-1-0"))));
    }
}
