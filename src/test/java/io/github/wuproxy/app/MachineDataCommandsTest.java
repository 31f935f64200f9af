package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the MSI's PROFILES_DIR and REMOVE_DATA do. */
class MachineDataCommandsTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void useATemporaryDataFolder() {
        System.setProperty("wuproxy.data", dir.resolve("data").toString());
    }

    @AfterEach
    void forgetIt() {
        System.clearProperty("wuproxy.data");
    }

    private int run(String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void checkedProfilesAreCopiedAndBrokenOnesRefused() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("office.conf"), "proxy { source = fixed, server = \"proxy.corp.example:8080\" }\nwhen = { dns-suffix = corp.example }\n");
        assertEquals(0, run("copy-profiles", share.toString()), err.toString());
        assertTrue(Files.exists(dir.resolve("data/profiles/office.conf")));

        Path broken = Fixtures.resourceFolder("profiles/broken");
        assertEquals(2, run("copy-profiles", broken.toString()));
        assertTrue(err.toString().endsWith("Nothing was copied: fix the profiles in " + broken + " first." + System.lineSeparator()));
        assertFalse(Files.exists(dir.resolve("data/profiles/bad-port.conf")));
    }

    @Test
    void removeDataDeletesTheWholeDataFolder() throws Exception {
        Files.createDirectories(dir.resolve("data/state"));
        Files.writeString(dir.resolve("data/state/agent-state.json"), "{}");
        assertEquals(0, run("remove-data"));
        assertFalse(Files.exists(dir.resolve("data")));
        assertEquals(0, run("remove-data"), "nothing to remove is fine");
    }

    @Test
    void removeDataRefusesWhileTheMachineIsStillChangedUnlessForced() throws Exception {
        var paths = AgentPaths.detect(false);
        var store = Adapters.forThisMachine(paths, io.github.wuproxy.config.AgentSettings.defaults()).store();
        var state = new io.github.wuproxy.state.FileStateStore(paths.state());
        state.saveBackup(new io.github.wuproxy.port.Backup(store.read(), java.time.Instant.now()));
        store.writeWinHttp(io.github.wuproxy.core.proxy.UpdateProxy.fixed("proxy.corp.example:8080", ""));

        assertEquals(1, run("remove-data"));
        assertTrue(err.toString().contains("only backup of this machine's original proxy settings"), err.toString());
        assertTrue(err.toString().contains("`wuproxy restore`"), err.toString());
        assertTrue(Files.exists(paths.state()), "the backup is kept");

        store.restore(state.backup().orElseThrow().original());
        assertEquals(0, run("remove-data"), err.toString());
        assertFalse(Files.exists(dir.resolve("data")));

        Files.createDirectories(paths.state());
        state.saveBackup(new io.github.wuproxy.port.Backup(store.read(), java.time.Instant.now()));
        store.writeWinHttp(io.github.wuproxy.core.proxy.UpdateProxy.fixed("proxy.corp.example:8080", ""));
        assertEquals(0, run("remove-data", "--force"), err.toString());
        assertFalse(Files.exists(dir.resolve("data")));
    }
}
