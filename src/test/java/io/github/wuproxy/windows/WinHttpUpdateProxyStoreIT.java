package io.github.wuproxy.windows;

import io.github.wuproxy.format.WinHttpSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.StoredSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real WinHTTP and BITS settings on Windows. Writing tests also need -Dwuproxy.it.mutate=true
 * (CI's throwaway runner only) and put back what they found.
 */
@EnabledOnOs(OS.WINDOWS)
class WinHttpUpdateProxyStoreIT {
    private WinHttpUpdateProxyStore store;
    private StoredSettings found;

    @BeforeEach
    void open() throws Exception {
        store = WinHttpUpdateProxyStore.open(Path.of(Shell32Util.getKnownFolderPath(KnownFolders.FOLDERID_System)));
        found = store.read();
    }

    @AfterEach
    void putBack() throws Exception {
        if (Boolean.getBoolean("wuproxy.it.mutate")) {
            store.restore(found);
            assertArrayEquals(found.winHttpSettings(), store.read().winHttpSettings());
        }
    }

    @Test
    void readsTheMachineProxyAndItsRawBytes() throws Exception {
        assertTrue(found.winHttp().isPresent() || found.winHttpSettings().length > 0, found.toString());
        if (found.winHttpSettings().length > 0) {
            assertEquals(found.winHttp(), Optional.of(WinHttpSettings.decode(found.winHttpSettings()).toUpdateProxy()),
                    "the API and the registry bytes agree");
        }
        assertEquals(3, found.bitsRaw().size());
    }

    @Test
    void writesVerifiesBothViewsAndRestoresByteForByte() throws Exception {
        assumeTrue(Boolean.getBoolean("wuproxy.it.mutate"), "changes machine-wide settings: CI's Windows runner only");
        var proxy = UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example");
        store.writeWinHttp(proxy);
        StoredSettings after = store.read();
        assertEquals(Optional.of(proxy), after.winHttp());
        // Records for INDEX.md what Windows itself writes (header, flags): the facts the reference marks UNCONFIRMED.
        System.out.println("WinHttpSettings written by Windows: " + java.util.HexFormat.of().formatHex(after.winHttpSettings()));
        store.writeWinHttp(UpdateProxy.direct());
        assertEquals(Optional.of(UpdateProxy.direct()), store.read().winHttp());
    }

    @Test
    void setsTheBitsAccountsThroughBitsadmin() throws Exception {
        assumeTrue(Boolean.getBoolean("wuproxy.it.mutate"), "changes machine-wide settings: CI's Windows runner only");
        var proxy = UpdateProxy.fixed("proxy.corp.example:8080", "<local>");
        store.writeBits(proxy);
        assertEquals(Optional.of(proxy), store.read().bits(), "bitsadmin writes where wuproxy reads");
    }
}
