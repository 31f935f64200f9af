package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The service leaves out a machine-profiles folder that others own or may write (here by its POSIX owner and mode; on Windows by its owner and ACL). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ProfileFolderTrustTest {
    @Test
    void aMachineFolderOthersMayWriteIsLeftOut(@TempDir Path dir) throws Exception {
        Path install = Files.createDirectories(dir.resolve("install"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path machine = Files.createDirectories(data.resolve("profiles"));
        AgentPaths paths = new AgentPaths(install, data);

        Files.setPosixFilePermissions(machine, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(List.of(install.resolve("profiles"), machine), paths.profileFolders());

        Files.setPosixFilePermissions(machine, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(List.of(install.resolve("profiles")), paths.profileFolders(), "a world-writable folder is not read");

        Files.setPosixFilePermissions(machine, PosixFilePermissions.fromString("rwxr-xr-x"));
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("user.name").equals("root"), "giving a folder away needs root");
        Files.setOwner(machine, machine.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertEquals(List.of(install.resolve("profiles")), paths.profileFolders(), "nor one another user owns, whatever its mode");
    }
}
