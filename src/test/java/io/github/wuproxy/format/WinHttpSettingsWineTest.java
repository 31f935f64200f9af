package io.github.wuproxy.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.testing.WineOracle;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WinHttpSettings codec against Wine's winhttp.dll, both ways: the decoder reads what
 * WinHttpSetDefaultProxyConfiguration wrote, and WinHttpGetDefaultProxyConfiguration reads what the
 * encoder wrote (imported with Wine's {@code reg import}).
 */
@Tag("interop")
class WinHttpSettingsWineTest {
    static Stream<Arguments> proxies() {
        return Stream.of(
                Arguments.of("direct", UpdateProxy.direct()),
                Arguments.of("a single proxy", UpdateProxy.fixed("proxy.corp.example:8080", "")),
                Arguments.of("a per-scheme list", UpdateProxy.fixed("http=p1.example:80;https=p2.example:443", "")),
                Arguments.of("a bypass list", UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example;10.*")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void theDecoderReadsWhatWinHttpWrote(String label, UpdateProxy proxy) throws Exception {
        WineOracle wine = WineOracle.require();
        var set = proxy instanceof UpdateProxy.Fixed fixed
                ? (fixed.bypass().isEmpty() ? wine.helper("set-named", fixed.server()) : wine.helper("set-named", fixed.server(), fixed.bypass()))
                : wine.helper("set-direct");
        assertEquals(0, set.exit(), set.output());
        var dump = wine.helper("dump");
        assertEquals(0, dump.exit(), dump.output());
        WinHttpSettings written = WinHttpSettings.decode(HexFormat.of().parseHex(dump.output()));
        assertEquals(proxy, written.toUpdateProxy());
        // Wine writes flags 0x2 for a proxy where Windows and wuproxy write 0x3; the rest is the same bytes.
        byte[] ours = WinHttpSettings.encode(proxy);
        ours[8] = (byte) (proxy instanceof UpdateProxy.Fixed ? 0x2 : 0x1);
        assertEquals(HexFormat.of().formatHex(ours), dump.output());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proxies")
    void winHttpReadsWhatTheEncoderWrote(String label, UpdateProxy proxy) throws Exception {
        WineOracle wine = WineOracle.require();
        var imported = wine.regImport(regFile(WinHttpSettings.encode(proxy)));
        assertEquals(0, imported.exit(), imported.output());
        var get = wine.helper("get");
        assertEquals(0, get.exit(), get.output());
        String expected = proxy instanceof UpdateProxy.Fixed fixed
                ? "access=3 proxy=" + fixed.server() + " bypass=" + fixed.bypass()
                : "access=1 proxy=<null> bypass=<null>";
        assertEquals(expected, get.output());
    }

    /** A REGEDIT5 file as `reg export` writes it, ASCII with CRLF. */
    static String regFile(byte[] value) {
        StringBuilder hex = new StringBuilder();
        for (byte b : value) {
            hex.append(hex.length() == 0 ? "" : ",").append(String.format("%02x", b));
        }
        return "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections]\r\n"
                + "\"WinHttpSettings\"=hex:" + hex + "\r\n";
    }
}
