package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.format.WinInetConnectionSettings;
import io.github.wuproxy.windows.win32.WinInetTypes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the adapter hands InternetSetOptionW, read back from native memory at the offsets wininet.h gives. */
class WinInetUserProxyWriterTest {
    private static final UpdateProxy.Fixed OFFICE = UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example");

    @Test
    void eachModeIsTheOptionsSettingsSets() {
        assertEquals(List.of(new WinInetUserProxyWriter.Option(WinInetTypes.INTERNET_PER_CONN_FLAGS, 3, null),
                new WinInetUserProxyWriter.Option(WinInetTypes.INTERNET_PER_CONN_PROXY_SERVER, 0, "proxy.corp.example:8080"),
                new WinInetUserProxyWriter.Option(WinInetTypes.INTERNET_PER_CONN_PROXY_BYPASS, 0, "<local>;*.corp.example")),
                WinInetUserProxyWriter.options(UserProxySettings.fixed(OFFICE)));
        assertEquals(List.of(new WinInetUserProxyWriter.Option(WinInetTypes.INTERNET_PER_CONN_FLAGS, 5, null),
                new WinInetUserProxyWriter.Option(WinInetTypes.INTERNET_PER_CONN_AUTOCONFIG_URL, 0, "http://wpad.example/p.pac")),
                WinInetUserProxyWriter.options(UserProxySettings.pac("http://wpad.example/p.pac")));
        assertEquals(List.of(new WinInetUserProxyWriter.Option(WinInetTypes.INTERNET_PER_CONN_FLAGS, 9, null)),
                WinInetUserProxyWriter.options(UserProxySettings.autoDetected()));
        assertEquals(List.of(new WinInetUserProxyWriter.Option(WinInetTypes.INTERNET_PER_CONN_FLAGS, 1, null)),
                WinInetUserProxyWriter.options(UserProxySettings.DIRECT));
    }

    @Test
    void theListIsLaidOutAsWininetHReadsIt() {
        assertEquals(8, Native.POINTER_SIZE, "64-bit Windows is the only target");
        var prepared = WinInetUserProxyWriter.prepare(WinInetUserProxyWriter.options(UserProxySettings.fixed(OFFICE)));
        Pointer list = prepared.list().getPointer();
        assertEquals(32, list.getInt(0), "dwSize");
        assertNull(list.getPointer(8), "pszConnection: the LAN settings");
        assertEquals(3, list.getInt(16), "dwOptionCount");
        Pointer options = list.getPointer(24);
        assertEquals(WinInetTypes.INTERNET_PER_CONN_FLAGS, options.getInt(0));
        assertEquals(3, options.getInt(8));
        assertEquals(WinInetTypes.INTERNET_PER_CONN_PROXY_SERVER, options.getInt(16));
        assertEquals("proxy.corp.example:8080", new String(options.getPointer(24).getByteArray(0, 46), java.nio.charset.StandardCharsets.UTF_16LE));
        assertEquals(0, options.getPointer(24).getShort(46), "NUL-terminated");
        assertEquals(WinInetTypes.INTERNET_PER_CONN_PROXY_BYPASS, options.getInt(32));
        assertEquals("<local>;*.corp.example", new String(options.getPointer(40).getByteArray(0, 44), java.nio.charset.StandardCharsets.UTF_16LE));
    }

    @Test
    void noValueIsADirectUserAndUnreadableBytesAreNotGuessed() {
        assertEquals(Optional.of(UserProxySettings.DIRECT), WinInetUserProxyWriter.interpret(new byte[0]));
        assertEquals(Optional.of(UserProxySettings.fixed(OFFICE)),
                WinInetUserProxyWriter.interpret(WinInetConnectionSettings.fresh().with(UserProxySettings.fixed(OFFICE)).encode()));
        assertEquals(Optional.empty(), WinInetUserProxyWriter.interpret(new byte[] {0x46, 0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, (byte) 0xff, 0, 0, 0}));
    }
}
