package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxySnapshot;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The runner's own WinINet settings through the real InternetSetOptionW: what is written reads back,
 * through the registry bytes and through WinHTTP, and a restore is byte for byte. Writing needs
 * -Dwuproxy.it.mutate=true (CI's throwaway Windows runner); the original is put back after each test.
 */
@EnabledOnOs(OS.WINDOWS)
class WinInetUserProxyWriterIT {
    private final WinInetUserProxyWriter writer = WinInetUserProxyWriter.open(WinInetUserProxyWriter.Scope.USER);
    private UserProxySnapshot original;

    @BeforeEach
    void remember() throws Exception {
        original = writer.read();
    }

    @AfterEach
    void putBack() throws Exception {
        if (Boolean.getBoolean("wuproxy.it.mutate")) {
            writer.restore(original);
        }
    }

    @Test
    void readsTheRunnersSettings() {
        assertTrue(original.settings().isPresent(), original.toString());
    }

    @Test
    void writesEachModeAndRestoresByteForByte() throws Exception {
        assumeTrue(Boolean.getBoolean("wuproxy.it.mutate"), "changes the runner's own proxy settings: CI's Windows runner only");
        for (UserProxySettings settings : new UserProxySettings[] {
                UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example")),
                UserProxySettings.pac("http://wpad.corp.example/wpad.dat"), UserProxySettings.autoDetected(), UserProxySettings.DIRECT}) {
            writer.write(settings);
            assertEquals(Optional.of(settings), writer.read().settings(), "the registry bytes");
            assertEquals(Optional.of(settings), WinHttpUserProxySource.open().current(), "WinHTTP's reading");
        }
        writer.restore(original);
        UserProxySnapshot back = writer.read();
        assertArrayEquals(original.connectionSettings(), back.connectionSettings());
        assertEquals(original, back);
    }
}
