package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.format.WinInetConnectionSettings;
import io.github.wuproxy.testing.WineOracle;
import io.github.wuproxy.windows.win32.WinInetTypes;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The user's proxy settings against Wine as the oracle: the bytes wuproxy keeps for a user
 * ({@code DefaultConnectionSettings}) are read by Wine's WinHTTP (WinHttpGetIEProxyConfigForCurrentUser)
 * as meant, and the per-connection options the adapter sends are taken by Wine's InternetSetOptionW.
 * Wine 8's wininet keeps its own copy in the older values (ProxyEnable, ProxyServer) and neither writes
 * nor reads DefaultConnectionSettings, so the bytes cannot be checked against InternetQueryOptionW here;
 * WinInetUserProxyWriterIT does that on Windows.
 */
@Tag("interop")
class WinInetUserProxyWriterWineTest {
    private static final UpdateProxy.Fixed OFFICE = UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example");

    private static String regFile(byte[] blob) {
        StringBuilder hex = new StringBuilder();
        for (byte b : blob) {
            hex.append(hex.length() == 0 ? "" : ",").append(String.format("%02x", b));
        }
        return "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections]\r\n"
                + "\"DefaultConnectionSettings\"=hex:" + hex + "\r\n";
    }

    private static String readByWinHttp(WineOracle wine, byte[] blob) throws Exception {
        var imported = wine.regImport(regFile(blob));
        assertEquals(0, imported.exit(), imported.output());
        return wine.helper("ie-get").output();
    }

    @Test
    void theBytesWuproxyKeepsForAUserAreReadByWinHttpAsMeant() throws Exception {
        WineOracle wine = WineOracle.require();
        var office = WinInetConnectionSettings.fresh().with(UserProxySettings.fixed(OFFICE));
        assertEquals("autodetect=0 url=<null> proxy=proxy.corp.example:8080 bypass=<local>;*.corp.example",
                readByWinHttp(wine, office.encode()));
        var script = office.with(UserProxySettings.pac("http://wpad.corp.example/wpad.dat"));
        assertEquals("autodetect=0 url=http://wpad.corp.example/wpad.dat proxy=<null> bypass=<null>", readByWinHttp(wine, script.encode()),
                "the office proxy's text stays, switched off");
        var detect = script.with(UserProxySettings.autoDetected());
        assertEquals("autodetect=1 url=<null> proxy=<null> bypass=<null>", readByWinHttp(wine, detect.encode()));
        var direct = detect.with(UserProxySettings.DIRECT);
        assertEquals("autodetect=0 url=<null> proxy=<null> bypass=<null>", readByWinHttp(wine, direct.encode()));
        assertEquals(4, direct.counter(), "each write counts up, as WinINet's do");
        for (var value : List.of(office, script, detect, direct)) {
            var decoded = WinInetConnectionSettings.decode(value.encode());
            assertEquals(value, decoded, HexFormat.of().formatHex(value.encode()));
        }
        assertEquals(Optional.of(UserProxySettings.fixed(OFFICE)), WinInetConnectionSettings.decode(office.encode()).asUserSettings());
        assertEquals(Optional.of(UserProxySettings.DIRECT), WinInetConnectionSettings.decode(direct.encode()).asUserSettings());
    }

    @Test
    void winInetTakesTheOptionsTheAdapterSends() throws Exception {
        WineOracle wine = WineOracle.require();
        var options = WinInetUserProxyWriter.options(UserProxySettings.fixed(OFFICE));
        assertEquals(WinInetTypes.PROXY_TYPE_DIRECT | WinInetTypes.PROXY_TYPE_PROXY, options.get(0).flags());
        var set = wine.wininet("set", Integer.toString(options.get(0).flags()), options.get(1).text(), options.get(2).text(), "-");
        assertEquals(0, set.exit(), set.output());
        String query = wine.wininet("query").output();
        assertTrue(query.startsWith("flags=") && query.contains(" proxy=proxy.corp.example:8080"), query);
        assertTrue((Integer.parseInt(query.substring("flags=".length(), query.indexOf(' '))) & WinInetTypes.PROXY_TYPE_PROXY) != 0, query);
        var direct = WinInetUserProxyWriter.options(UserProxySettings.DIRECT);
        assertEquals(1, direct.size(), "direct only unticks: the typed proxy stays for the user");
        assertEquals(0, wine.wininet("set", Integer.toString(direct.get(0).flags()), "proxy.corp.example:8080", "-", "-").exit());
        String after = wine.wininet("query").output();
        assertEquals(0, Integer.parseInt(after.substring("flags=".length(), after.indexOf(' '))) & WinInetTypes.PROXY_TYPE_PROXY, after);
    }
}
