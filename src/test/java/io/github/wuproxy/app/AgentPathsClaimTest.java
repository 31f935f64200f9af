package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.wuproxy.state.FileStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an agent checks and takes before it touches the machine, on real folders. */
class AgentPathsClaimTest {
    @TempDir
    Path dir;

    private AgentPaths paths() {
        return new AgentPaths(Path.of("").toAbsolutePath(), dir.resolve("data"));
    }

    @Test
    void createsTheFoldersLocksAndKeepsTheLogsToItsOwner() throws Exception {
        AgentPaths paths = paths();
        FileStateStore.Lock lock = paths.claim("service", new FileStateStore(paths.state()));
        try {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.data())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.logs())));
            var second = assertThrows(io.github.wuproxy.cli.AgentLauncher.StartFailure.class, () -> paths.claim("service", new FileStateStore(paths.state())));
            assertTrue(second.getMessage().startsWith("The service did not start: another wuproxy agent (process "), second.getMessage());
            assertFalse(second.badInput());
        } finally {
            lock.close();
        }
    }

    @Test
    void refusesADataFolderAnotherUserOwnsWithTheFixAndTakesNoLock() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root"), "needs root to give a folder to another user");
        AgentPaths paths = paths();
        Files.createDirectories(paths.data());
        Files.setOwner(paths.data(), paths.data().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        var refused = assertThrows(io.github.wuproxy.cli.AgentLauncher.StartFailure.class, () -> paths.claim("agent", new FileStateStore(paths.state())));
        assertEquals("The agent did not start: another user could change its files. " + paths.data() + " belongs to nobody, who could "
                + "replace what is in it; give it to root (chown root " + paths.data() + ") or choose another folder with -Dwuproxy.data.",
                refused.getMessage());
        assertTrue(refused.badInput());
        assertFalse(Files.exists(paths.state()), "nothing was written in it");
    }

    @Test
    void refusesALogThatIsALink() throws Exception {
        AgentPaths paths = paths();
        Files.createDirectories(paths.logs());
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Files.createSymbolicLink(paths.logs().resolve("wuproxy.log"), victim);
        var refused = assertThrows(io.github.wuproxy.cli.AgentLauncher.StartFailure.class, () -> paths.claim("agent", new FileStateStore(paths.state())));
        assertTrue(refused.getMessage().contains("wuproxy.log is a symbolic link, so the log would be written wherever it points; remove it"),
                refused.getMessage());
        assertEquals("keep", Files.readString(victim));
    }

    @Test
    void refusesAnArchiveOfTheLogThatIsALink() throws Exception {
        AgentPaths paths = paths();
        Files.createDirectories(paths.logs());
        Files.createSymbolicLink(paths.logs().resolve("wuproxy.9.log.gz"), dir.resolve("planted"));
        var refused = assertThrows(io.github.wuproxy.cli.AgentLauncher.StartFailure.class, () -> paths.claim("service", new FileStateStore(paths.state())));
        assertTrue(refused.getMessage().contains("wuproxy.9.log.gz is a symbolic link, so the log would be written wherever it points; remove it"),
                refused.getMessage());
        assertFalse(Files.exists(dir.resolve("planted"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }
}
