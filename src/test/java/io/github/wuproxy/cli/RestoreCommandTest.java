package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.Backup;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RestoreCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final InMemoryUpdateProxyStore store = InMemoryUpdateProxyStore.holding(UpdateProxy.fixed("old.example:3128", "<local>"));
    private final InMemoryStateStore state = new InMemoryStateStore();

    private int run() {
        var cli = new CommandLine(new RestoreCommand(() -> store, state));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute();
    }

    @Test
    void putsTheOriginalBackByteForByte() throws Exception {
        byte[] original = store.winHttpSettings();
        state.saveBackup(new Backup(store.read(), Instant.parse("2026-03-03T08:00:00Z")));
        store.writeWinHttp(UpdateProxy.direct());
        store.writeBits(UpdateProxy.direct());
        assertEquals(0, run());
        assertEquals(java.util.HexFormat.of().formatHex(original), java.util.HexFormat.of().formatHex(store.winHttpSettings()));
        assertEquals("MANUAL_PROXY old.example:3128 <local>", store.bitsUsage().get("NETWORKSERVICE"));
        assertTrue(out.toString().startsWith("Restored the proxy settings saved 2026-03-03T08:00:00Z: Windows Update proxy old.example:3128"));
        assertTrue(state.backup().isPresent(), "kept, so restore can be repeated");
    }

    @Test
    void saysWhenThereIsNothingToRestore() {
        assertEquals(0, run());
        assertEquals("Nothing to restore: wuproxy has not changed this machine's proxy settings.", out.toString().strip());
    }

    @Test
    void aRefusalExitsThreeWithWhatToDo() throws Exception {
        state.saveBackup(new Backup(store.read(), Instant.parse("2026-03-03T08:00:00Z")));
        var cli = new CommandLine(new RestoreCommand(() -> {
            throw new StoreException(StoreException.Reason.DENIED, "Access is denied (ERROR_ACCESS_DENIED, 5)");
        }, state));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(3, cli.execute());
        assertEquals("Could not restore the original proxy settings: Access is denied (ERROR_ACCESS_DENIED, 5). "
                + "Run `wuproxy restore` from an elevated prompt.", err.toString().strip());
    }
}
