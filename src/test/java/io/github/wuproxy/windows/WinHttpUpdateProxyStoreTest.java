package io.github.wuproxy.windows;

import io.github.wuproxy.format.WinHttpSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import com.sun.jna.Native;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.windows.win32.WinHttp;
import io.github.wuproxy.windows.win32.WinHttpTypes;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The machine-wide store's own decisions: how direct access is written, both registry views, the BITS restore, 32-bit Java. */
class WinHttpUpdateProxyStoreTest {
    private final WindowsAdaptersTest.MapRegistry registry = new WindowsAdaptersTest.MapRegistry();
    private final List<Integer> accessTypes = new ArrayList<>();

    /** A WinHTTP that records each access type it is given and refuses those named, with ERROR_INVALID_PARAMETER. */
    private WinHttp winHttp(Set<Integer> refused) {
        return (WinHttp) Proxy.newProxyInstance(WinHttp.class.getClassLoader(), new Class<?>[] {WinHttp.class}, (proxy, method, args) -> {
            if (!method.getName().equals("WinHttpSetDefaultProxyConfiguration")) {
                throw new UnsupportedOperationException(method.getName());
            }
            var info = (WinHttpTypes.WINHTTP_PROXY_INFO) args[0];
            info.read();
            accessTypes.add(info.dwAccessType);
            if (refused.contains(info.dwAccessType)) {
                Native.setLastError(WinHttpUpdateProxyStore.ERROR_INVALID_PARAMETER);
                return false;
            }
            return true;
        });
    }

    @Test
    void directAccessIsWrittenAsNoProxyFirst() throws Exception {
        new WinHttpUpdateProxyStore(winHttp(Set.of()), registry, null).writeWinHttp(UpdateProxy.direct());
        assertEquals(List.of(WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY), accessTypes);
    }

    @Test
    void aWinHttpThatRefusesNoProxyGetsDefaultProxy() throws Exception {
        new WinHttpUpdateProxyStore(winHttp(Set.of(WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY)), registry, null).writeWinHttp(UpdateProxy.direct());
        assertEquals(List.of(WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY, WinHttpTypes.WINHTTP_ACCESS_TYPE_DEFAULT_PROXY), accessTypes);
    }

    @Test
    void aRefusalOfBothFailsAndANamedProxyIsNeverRetried() {
        var store = new WinHttpUpdateProxyStore(winHttp(Set.of(WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY,
                WinHttpTypes.WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY)), registry, null);
        registry.writeBinary(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT64), WinHttpSettings.encode(UpdateProxy.direct()));
        // The failure's system text comes from kernel32 (a StoreException on Windows, a link error here): either way, no success.
        assertThrows(Throwable.class, () -> store.writeWinHttp(UpdateProxy.direct()));
        assertEquals(List.of(WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY, WinHttpTypes.WINHTTP_ACCESS_TYPE_DEFAULT_PROXY), accessTypes);
        assertFalse(registry.values.containsKey(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT32)), "nothing aligned after a failure");
        accessTypes.clear();
        assertThrows(Throwable.class, () -> store.writeWinHttp(UpdateProxy.fixed("p.example:8080", "")));
        assertEquals(List.of(WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY), accessTypes);
    }

    @Test
    void eachRegistryViewGetsItsOwnBytesBackAndAViewThatWasAbsentIsAbsentAgain() throws Exception {
        byte[] bit64 = WinHttpSettings.encode(UpdateProxy.fixed("p64.example:8080", "<local>"));
        byte[] bit32 = WinHttpSettings.encode(UpdateProxy.fixed("p32.example:3128", ""));
        var store = new WinHttpUpdateProxyStore(null, registry, null);
        store.restore(new StoredSettings(bit64, Optional.empty(), Map.of(), Optional.empty(), bit32));
        assertArrayEquals(bit64, registry.values.get(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT64)));
        assertArrayEquals(bit32, registry.values.get(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT32)));
        store.restore(new StoredSettings(bit64, Optional.empty(), Map.of(), Optional.empty(), new byte[0]));
        assertFalse(registry.values.containsKey(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT32)));
    }

    @Test
    void theBitsAccountsAreToldThroughBitsadminThenGetTheirBytesBack() throws Exception {
        BitsAdmin bits = mock(BitsAdmin.class);
        String localSystem = "460000000100000001000000";
        new WinHttpUpdateProxyStore(null, registry, bits).restore(new StoredSettings(new byte[0], Optional.empty(),
                Map.of("LOCALSYSTEM", localSystem, "NETWORKSERVICE", WinHttpUpdateProxyStore.ABSENT), Optional.empty()));
        var order = inOrder(bits);
        order.verify(bits).restore("LOCALSYSTEM", HexFormat.of().parseHex(localSystem));
        order.verify(bits).restore("NETWORKSERVICE", new byte[0]);
        assertEquals(localSystem, HexFormat.of().formatHex(registry.values.get(WinHttpUpdateProxyStore.bitsValue("LOCALSYSTEM"))));
        assertFalse(registry.values.containsKey(WinHttpUpdateProxyStore.bitsValue("NETWORKSERVICE")));
    }

    @Test
    void bitsadminIsToldWhatEachBackedUpValueSaid() {
        Path exe = Path.of("bitsadmin.exe");
        List<String> head = List.of(exe.toString(), "/util", "/setieproxy", "LOCALSYSTEM");
        assertEquals(Optional.of(plus(head, "RESET")), BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", new byte[0]));
        assertEquals(Optional.of(plus(head, "NO_PROXY")), BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", blob(0x1, "", "", "")));
        assertEquals(Optional.of(plus(head, "MANUAL_PROXY", "a.example:80,b.example:81", "<local> *.corp.example")),
                BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", blob(0x3, "a.example:80;b.example:81", "<local>;*.corp.example", "")));
        assertEquals(Optional.of(plus(head, "MANUAL_PROXY", "a.example:80", "NULL")),
                BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", blob(0x3, "a.example:80", "", "")));
        assertEquals(Optional.of(plus(head, "AUTODETECT")), BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", blob(0x9, "", "", "")));
        assertEquals(Optional.of(plus(head, "AUTOSCRIPT", "http://wpad.corp.example/proxy.pac")),
                BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", blob(0xD, "", "", "http://wpad.corp.example/proxy.pac")));
        assertEquals(Optional.empty(), BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", new byte[] {0x46, 0, 0}), "unreadable");
        assertEquals(Optional.empty(), BitsAdmin.restoreArguments(exe, "LOCALSYSTEM", blob(0x3, "a.example:80\" & calc", "", "")),
                "a quote would be split by Windows' argument rules");
    }

    @Test
    void a32BitJavaIsRefusedWithWhatToInstall() {
        assertEquals(Optional.empty(), WinHttpUpdateProxyStore.thirtyTwoBitJava("64"));
        assertTrue(WinHttpUpdateProxyStore.thirtyTwoBitJava("32").orElseThrow().contains("install a 64-bit (x64) Java 17"));
    }

    private static List<String> plus(List<String> head, String... rest) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(rest));
        return all;
    }

    /** A DefaultConnectionSettings value as WinINet lays it out. */
    private static byte[] blob(int flags, String proxy, String bypass, String script) {
        var out = java.nio.ByteBuffer.allocate(64 + proxy.length() + bypass.length() + script.length()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46).putInt(1).putInt(flags);
        for (String text : List.of(proxy, bypass, script)) {
            out.putInt(text.length()).put(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
