package io.github.wuproxy.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.testing.WineOracle;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The WinINet decoder used for the BITS accounts agrees with Wine's WinHttpGetIEProxyConfigForCurrentUser. */
@Tag("interop")
class WinInetConnectionSettingsWineTest {
    @Test
    void readsAManualProxyAsWinHttpDoes() throws Exception {
        WineOracle wine = WineOracle.require();
        String proxy = "proxy.corp.example:8080";
        String bypass = "<local>;*.corp.example";
        String blob = "460000000500000003000000" + length(proxy) + HexFormat.of().formatHex(proxy.getBytes()) + length(bypass)
                + HexFormat.of().formatHex(bypass.getBytes()) + "00000000" + "00".repeat(32);
        StringBuilder hex = new StringBuilder();
        for (byte b : HexFormat.of().parseHex(blob)) {
            hex.append(hex.length() == 0 ? "" : ",").append(String.format("%02x", b));
        }
        var imported = wine.regImport("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections]\r\n"
                + "\"DefaultConnectionSettings\"=hex:" + hex + "\r\n");
        assertEquals(0, imported.exit(), imported.output());
        var ours = WinInetConnectionSettings.decode(HexFormat.of().parseHex(blob));
        assertEquals("autodetect=0 url=<null> proxy=" + ours.proxy() + " bypass=" + ours.bypass(), wine.helper("ie-get").output());
    }

    private static String length(String text) {
        return String.format("%02x000000", text.length());
    }
}
