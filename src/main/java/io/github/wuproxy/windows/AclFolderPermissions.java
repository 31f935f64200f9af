package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import io.github.wuproxy.port.FolderPermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a folder's ACL (GetNamedSecurityInfo) and names a non-administrator group allowed to add files to it. */
public final class AclFolderPermissions implements FolderPermissions {
    /** Groups every standard user belongs to. */
    static final Map<String, String> STANDARD_USERS = Map.of(
            "S-1-1-0", "Everyone",
            "S-1-5-11", "Authenticated Users",
            "S-1-5-32-545", "BUILTIN\\Users",
            "S-1-5-4", "INTERACTIVE");
    /** FILE_ADD_FILE (WD), FILE_ADD_SUBDIRECTORY (AD), WRITE_DAC, WRITE_OWNER, GENERIC_ALL, GENERIC_WRITE. */
    static final int WRITE_RIGHTS = 0x2 | 0x4 | 0x40000 | 0x80000 | 0x10000000 | 0x40000000;
    private static final int INHERIT_ONLY = 0x08;

    /** One entry of an ACL. */
    record Ace(int type, int flags, int mask, String sid) {}

    @Override
    public Optional<String> othersMayWrite(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            List<Ace> aces = new ArrayList<>();
            for (WinNT.ACE_HEADER header : Advapi32Util.getFileSecurity(folder.toString(), false)) {
                if (header instanceof WinNT.ACCESS_ACEStructure ace) {
                    aces.add(new Ace(ace.AceType, ace.AceFlags, ace.Mask, ace.getSidString()));
                }
            }
            return interpret(aces).map(why -> why + "; let only administrators write it: icacls \"" + folder
                    + "\" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX");
        } catch (Win32Exception e) {
            return Optional.of("its permissions could not be read (" + e.getMessage() + ")");
        }
    }

    /** An allow entry for a standard users' group, on the folder itself, with a right to add or take over. */
    static Optional<String> interpret(List<Ace> aces) {
        for (Ace ace : aces) {
            boolean allow = ace.type() == WinNT.ACCESS_ALLOWED_ACE_TYPE;
            boolean onFolder = (ace.flags() & INHERIT_ONLY) == 0;
            if (allow && onFolder && STANDARD_USERS.containsKey(ace.sid()) && (ace.mask() & WRITE_RIGHTS) != 0) {
                return Optional.of(STANDARD_USERS.get(ace.sid()) + " may add files to it (access mask 0x"
                        + Integer.toHexString(ace.mask()).toUpperCase(java.util.Locale.ROOT) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces the folder's ACL (no longer inheriting %ProgramData%'s, which lets users add files):
     * SYSTEM and Administrators full control, Users read and execute, all passed on to what is
     * created inside. Accounts are named from their SIDs, so this works on any Windows language.
     */
    @Override
    public void restrictToAdministrators(Path folder) throws java.io.IOException {
        Files.createDirectories(folder);
        var names = folder.getFileSystem().getUserPrincipalLookupService();
        var inherit = java.util.EnumSet.of(java.nio.file.attribute.AclEntryFlag.FILE_INHERIT,
                java.nio.file.attribute.AclEntryFlag.DIRECTORY_INHERIT);
        var read = java.util.EnumSet.of(java.nio.file.attribute.AclEntryPermission.READ_DATA,
                java.nio.file.attribute.AclEntryPermission.READ_ATTRIBUTES, java.nio.file.attribute.AclEntryPermission.READ_NAMED_ATTRS,
                java.nio.file.attribute.AclEntryPermission.READ_ACL, java.nio.file.attribute.AclEntryPermission.EXECUTE,
                java.nio.file.attribute.AclEntryPermission.SYNCHRONIZE);
        List<java.nio.file.attribute.AclEntry> acl = new ArrayList<>();
        for (String sid : List.of("S-1-5-18", "S-1-5-32-544")) {
            acl.add(entry(names.lookupPrincipalByName(Advapi32Util.getAccountBySid(sid).fqn),
                    java.util.EnumSet.allOf(java.nio.file.attribute.AclEntryPermission.class), inherit));
        }
        acl.add(entry(names.lookupPrincipalByName(Advapi32Util.getAccountBySid("S-1-5-32-545").fqn), read, inherit));
        Files.getFileAttributeView(folder, java.nio.file.attribute.AclFileAttributeView.class).setAcl(acl);
    }

    private static java.nio.file.attribute.AclEntry entry(java.nio.file.attribute.UserPrincipal who,
            java.util.Set<java.nio.file.attribute.AclEntryPermission> what, java.util.Set<java.nio.file.attribute.AclEntryFlag> flags) {
        return java.nio.file.attribute.AclEntry.newBuilder().setType(java.nio.file.attribute.AclEntryType.ALLOW).setPrincipal(who)
                .setPermissions(what).setFlags(flags).build();
    }
}
