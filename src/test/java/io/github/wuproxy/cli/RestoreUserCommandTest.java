package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.UserProxyKeeper;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UserProxyBackups;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.port.UserProxyWriter;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.PersistentSimulatedStore;
import io.github.wuproxy.sim.PersistentSimulatedUserProxy;
import io.github.wuproxy.state.FileUserProxyBackups;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code wuproxy restore --user} over the simulated machine's file and a real backup file. */
class RestoreUserCommandTest {
    private static final UserProxySettings OFFICE = UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example:8080", "<local>"));
    @TempDir
    Path folder;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path machine() {
        return folder.resolve("simulated-machine.json");
    }

    private int run(FileUserProxyBackups backups) {
        var cli = new CommandLine(new RestoreCommand(() -> InMemoryUpdateProxyStore.direct(), new InMemoryStateStore(),
                new RestoreCommand.UserStores() {
                    public UserProxyWriter writer() throws StoreException {
                        return PersistentSimulatedUserProxy.open(machine());
                    }

                    public UserProxyBackups backups() {
                        return backups;
                    }
                }));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("--user");
    }

    private String userBytesInTheFile() throws Exception {
        return Json.parse(Files.readString(machine())).get("userConnectionSettings").asText();
    }

    @Test
    void putsTheUsersOwnBackByteForByteAndKeepsTheMachinesValue() throws Exception {
        PersistentSimulatedStore.open(machine()).writeWinHttp(UpdateProxy.fixed("wu.example:3128", ""));
        var user = PersistentSimulatedUserProxy.open(machine());
        user.set(OFFICE);
        user.write(OFFICE); // saved to the file as the user's own
        String original = userBytesInTheFile();
        var backups = new FileUserProxyBackups(folder.resolve("user"));
        var changed = new UserProxyKeeper(PersistentSimulatedUserProxy.open(machine()), backups)
                .keep(new UserProxyStatus(Optional.of(UserProxySettings.DIRECT), "profile home sets it", Optional.empty()));
        assertInstanceOf(UserProxyKeeper.Outcome.Written.class, changed);
        assertTrue(!original.equals(userBytesInTheFile()));

        assertEquals(0, run(backups), err.toString());
        assertEquals(original, userBytesInTheFile());
        assertEquals("Restored your own proxy settings from before wuproxy first changed them: proxy proxy.corp.example:8080 (bypass <local>).",
                out.toString().strip());
        assertEquals(Optional.empty(), backups.backup());
        assertEquals(UpdateProxy.fixed("wu.example:3128", ""), PersistentSimulatedStore.open(machine()).current(), "the machine's value stays");
        out.getBuffer().setLength(0);
        assertEquals(0, run(backups));
        assertTrue(out.toString().startsWith("Nothing to restore"), out.toString());
    }

    @Test
    void aBackupThatIsALinkIsNeverReadThrough() throws Exception {
        Path backups = Files.createDirectories(folder.resolve("user"));
        Path secret = Files.writeString(folder.resolve("secret.txt"), "not yours");
        Files.createSymbolicLink(backups.resolve("user-proxy-original.json"), secret);
        assertEquals(1, run(new FileUserProxyBackups(backups)));
        assertTrue(err.toString().contains("symbolic link"), err.toString());
        assertTrue(!err.toString().contains("not yours"));
    }

    @Test
    void aBackupThatIsAFifoDoesNotBlock() throws Exception {
        Path backups = Files.createDirectories(folder.resolve("user"));
        Path fifo = backups.resolve("user-proxy-original.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertEquals(1, run(new FileUserProxyBackups(backups)));
        assertTrue(err.toString().contains("FIFO"), err.toString());
    }

    @Test
    void theFirstBackupIsNeverReplaced() throws Exception {
        var backups = new FileUserProxyBackups(folder.resolve("user"));
        var user = PersistentSimulatedUserProxy.open(machine());
        backups.saveBackup(user.read());
        user.write(OFFICE);
        var refused = org.junit.jupiter.api.Assertions.assertThrows(io.github.wuproxy.port.StateException.class,
                () -> backups.saveBackup(PersistentSimulatedUserProxy.open(machine()).read()));
        assertTrue(refused.getMessage().contains("never replaced"), refused.getMessage());
        assertEquals(Optional.of(UserProxySettings.DIRECT), backups.backup().orElseThrow().settings());
    }
}
