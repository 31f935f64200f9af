package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** On Windows: %ProgramData% lets users add files; a folder wuproxy restricts does not, nor what it creates inside. */
@EnabledOnOs(OS.WINDOWS)
class AclFolderPermissionsIT {
    private final AclFolderPermissions permissions = new AclFolderPermissions();

    @Test
    void programDataIsNotTrustedButARestrictedFolderIs() throws Exception {
        Path programData = Path.of(System.getenv().getOrDefault("ProgramData", "C:\\ProgramData"));
        Path folder = Files.createTempDirectory(programData, "wuproxy-it-");
        try {
            assertTrue(permissions.othersMayWrite(folder).isPresent(), "a new folder in ProgramData inherits Users' right to add files");
            permissions.restrictToAdministrators(folder);
            assertEquals(Optional.empty(), permissions.othersMayWrite(folder));
            Path inside = Files.createDirectories(folder.resolve("profiles"));
            assertEquals(Optional.empty(), permissions.othersMayWrite(inside), "what is created inside inherits the restriction");
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
