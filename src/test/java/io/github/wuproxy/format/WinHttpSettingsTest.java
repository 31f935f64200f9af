package io.github.wuproxy.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vectors from the documented WinHttpSettings layout and the bytes Wine's winhttp.dll wrote. */
class WinHttpSettingsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String WINE_DIRECT = "1800000000000000010000000000000000000000";
    private static final String WINE_NAMED =
            "1800000000000000020000001700000070726f78792e636f72702e6578616d706c653a38303830070000003c6c6f63616c3e";
    private static final String NETSH_RESET = "2800000000000000010000000000000000000000";
    private static final String NETSH_NAMED =
            "2800000000000000030000001700000070726f78792e636f72702e6578616d706c653a38303830070000003c6c6f63616c3e";

    private static WinHttpSettings decode(String hex) throws WinHttpSettingsFormatException {
        return WinHttpSettings.decode(HEX.parseHex(hex));
    }

    @Test
    void decodesWhatWineWrote() throws Exception {
        assertEquals(UpdateProxy.direct(), decode(WINE_DIRECT).toUpdateProxy());
        assertEquals(UpdateProxy.fixed("proxy.corp.example:8080", "<local>"), decode(WINE_NAMED).toUpdateProxy());
    }

    @Test
    void decodesWhatNetshWrites() throws Exception {
        assertEquals(UpdateProxy.direct(), decode(NETSH_RESET).toUpdateProxy());
        WinHttpSettings named = decode(NETSH_NAMED);
        assertEquals(0x28, named.version());
        assertEquals(UpdateProxy.fixed("proxy.corp.example:8080", "<local>"), named.toUpdateProxy());
    }

    @Test
    void encodesVersion18Counter0AndFlags1Or3() {
        assertEquals(WINE_DIRECT, HEX.formatHex(WinHttpSettings.encode(UpdateProxy.direct())));
        assertEquals("1800000000000000030000001700000070726f78792e636f72702e6578616d706c653a38303830070000003c6c6f63616c3e",
                HEX.formatHex(WinHttpSettings.encode(UpdateProxy.fixed("proxy.corp.example:8080", "<local>"))));
        // Wine's no-bypass write: 43 bytes ending in a zero bypass length.
        assertEquals(43, WinHttpSettings.encode(UpdateProxy.fixed("proxy.corp.example:8080", "")).length);
    }

    @Test
    void roundTripsPerSchemeListsAndBypassLists() throws Exception {
        var proxy = UpdateProxy.fixed("http=p1.example:80;https=p2.example:443", "<local>;*.corp.example;10.*");
        byte[] blob = WinHttpSettings.encode(proxy);
        assertEquals(0x27, blob[12]);
        assertEquals(proxy, WinHttpSettings.decode(blob).toUpdateProxy());
    }

    @Test
    void toleratesAnyCounterAndKeepsTrailingBytes() throws Exception {
        byte[] blob = HEX.parseHex(NETSH_NAMED.replaceFirst("^2800000000000000", "2800000005000000") + "0000000000000000");
        WinHttpSettings settings = WinHttpSettings.decode(blob);
        assertEquals(5, settings.counter());
        assertEquals(8, settings.trailing().length);
        assertArrayEquals(blob, settings.toBytes());
    }

    @Test
    void flagsWithoutTheProxyBitMeanDirectEvenWithStrings() throws Exception {
        String flags1WithStrings = NETSH_NAMED.replaceFirst("^280000000000000003", "280000000000000001");
        WinHttpSettings settings = decode(flags1WithStrings);
        assertFalse(settings.usesProxy());
        assertEquals(UpdateProxy.direct(), settings.toUpdateProxy());
        assertTrue(decode(NETSH_NAMED.replaceFirst("^280000000000000003", "280000000000000002")).usesProxy());
    }

    @Test
    void explainsGarbageWithATypedException() {
        assertEquals("WinHttpSettings is 12 bytes long; the shortest valid value is 20 (header and two empty lists)",
                assertThrows(WinHttpSettingsFormatException.class, () -> decode("180000000000000001000000")).getMessage());
        assertEquals("WinHttpSettings starts with version 0x3C; known versions are 0x18 and 0x28",
                assertThrows(WinHttpSettingsFormatException.class, () -> decode("3C00000000000000010000000000000000000000")).getMessage());
        assertEquals("WinHttpSettings says the proxy list at byte 12 is 255 bytes long, but only 8 bytes follow",
                assertThrows(WinHttpSettingsFormatException.class, () -> decode("18000000000000000300000" + "0ff0000000000000000000000")).getMessage());
        assertEquals("WinHttpSettings says the proxy list at byte 12 is 4294967295 bytes long, but only 4 bytes follow",
                assertThrows(WinHttpSettingsFormatException.class, () -> decode("180000000000000003000000ffffffff00000000")).getMessage());
        assertEquals("WinHttpSettings ends at byte 20 where the bypass length should be",
                assertThrows(WinHttpSettingsFormatException.class, () -> decode("1800000000000000030000000400000061626364")).getMessage());
        assertEquals("WinHttpSettings has the control byte 0x00 in the proxy list at byte 16",
                assertThrows(WinHttpSettingsFormatException.class, () -> decode("180000000000000003000000010000000000000000")).getMessage());
    }

    @Test
    void aForeignProxyStringThatWinHttpWouldNotTakeIsNamed() throws Exception {
        byte[] blob = new WinHttpSettings(0x28, 0, 3, "proxy.example:99999", "", null).toBytes();
        var e = assertThrows(InvalidProxyException.class, () -> WinHttpSettings.decode(blob).toUpdateProxy());
        assertTrue(e.getMessage().contains("99999"), e.getMessage());
    }
}
