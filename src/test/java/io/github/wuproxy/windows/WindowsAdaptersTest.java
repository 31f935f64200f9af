package io.github.wuproxy.windows;

import io.github.wuproxy.format.WinInetConnectionSettings;
import io.github.wuproxy.format.WinHttpSettingsFormatException;
import io.github.wuproxy.format.WinHttpSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.platform.win32.Winsvc;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.PacException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.windows.win32.WinHttpTypes;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The interpret halves of the Windows adapters, on any OS (acquire halves run in the *IT tests on Windows). */
class WindowsAdaptersTest {
    /** A registry in a map; never asserts. */
    static final class MapRegistry implements Registry {
        final Map<Value, byte[]> values = new HashMap<>();

        @Override
        public Optional<byte[]> readBinary(Value value) {
            return Optional.ofNullable(values.get(value)).map(byte[]::clone);
        }

        @Override
        public void writeBinary(Value value, byte[] data) {
            values.put(value, data.clone());
        }

        @Override
        public void delete(Value value) {
            values.remove(value);
        }
    }

    @Test
    void theWinHttpAnswerIsInterpretedAsWindowsUpdateWouldUseIt() {
        assertEquals(Optional.of(UpdateProxy.direct()), WinHttpUpdateProxyStore.interpret(WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY, null, null));
        assertEquals(Optional.of(UpdateProxy.fixed("p.example:8080", "<local>")),
                WinHttpUpdateProxyStore.interpret(WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY, "p.example:8080", "<local>"));
        assertEquals(Optional.of(UpdateProxy.direct()), WinHttpUpdateProxyStore.interpret(WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY, " ", null));
        assertEquals(Optional.empty(), WinHttpUpdateProxyStore.interpret(WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY, "bad host:99999", null));
    }

    @Test
    void theThirtyTwoBitViewIsBroughtInLineAfterAWrite() throws Exception {
        var registry = new MapRegistry();
        byte[] proxy = WinHttpSettings.encode(UpdateProxy.fixed("p.example:8080", ""));
        registry.writeBinary(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT64), proxy);
        registry.writeBinary(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT32), WinHttpSettings.encode(UpdateProxy.direct()));
        new WinHttpUpdateProxyStore(null, registry, null).alignViews();
        assertArrayEquals(proxy, registry.values.get(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT32)));
    }

    @Test
    void restorePutsBothViewsAndEveryBitsAccountBackByteForByte() throws Exception {
        var registry = new MapRegistry();
        registry.writeBinary(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT64), WinHttpSettings.encode(UpdateProxy.direct()));
        registry.writeBinary(WinHttpUpdateProxyStore.bitsValue("NETWORKSERVICE"), new byte[] {1, 2, 3});
        byte[] original = HexFormat.of().parseHex("2800000007000000030000000300000061623a");
        var settings = new StoredSettings(original, Optional.empty(),
                Map.of("LOCALSYSTEM", "460000000100000001000000", "NETWORKSERVICE", WinHttpUpdateProxyStore.ABSENT), Optional.empty());
        new WinHttpUpdateProxyStore(null, registry, null).restore(settings);
        assertArrayEquals(original, registry.values.get(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT64)));
        assertArrayEquals(original, registry.values.get(WinHttpUpdateProxyStore.winHttpValue(Registry.View.BIT32)));
        assertEquals("460000000100000001000000", HexFormat.of().formatHex(registry.values.get(WinHttpUpdateProxyStore.bitsValue("LOCALSYSTEM"))));
        assertFalse(registry.values.containsKey(WinHttpUpdateProxyStore.bitsValue("NETWORKSERVICE")), "absent before, absent again");
        assertEquals("S-1-5-20\\" + WinHttpUpdateProxyStore.CONNECTIONS, WinHttpUpdateProxyStore.bitsValue("NETWORKSERVICE").key());
    }

    @Test
    void bitsadminGetsAnAbsolutePathAndOnlyValidatedArguments() {
        Path exe = Path.of("C:\\Windows\\System32").resolve("bitsadmin.exe");
        assertEquals(List.of(exe.toString(), "/util", "/setieproxy", "LOCALSYSTEM", "NO_PROXY"),
                BitsAdmin.arguments(exe, "LOCALSYSTEM", UpdateProxy.direct()));
        assertEquals(List.of(exe.toString(), "/util", "/setieproxy", "NETWORKSERVICE", "MANUAL_PROXY", "http=a.example:80,https=b.example:443", "NULL"),
                BitsAdmin.arguments(exe, "NETWORKSERVICE", UpdateProxy.fixed("http=a.example:80;https=b.example:443", "")));
        assertEquals("<local> *.corp.example 10.*", BitsAdmin.arguments(exe, "LOCALSERVICE",
                UpdateProxy.fixed("p.example:1", "<local>;*.corp.example;10.*")).get(6), "bitsadmin takes the bypass list space-delimited");
        assertThrows(IllegalArgumentException.class, () -> BitsAdmin.arguments(exe, "LOCALSYSTEM & calc", UpdateProxy.direct()));
    }

    @Test
    void aServiceAccountsWinInetSettingsAreDecoded() throws Exception {
        // test-rig.md: the blob Wine's WinHttpGetIEProxyConfigForCurrentUser read as proxy.corp.example:8080 / <local>.
        String blob = "460000000500000003000000" + "17000000" + HexFormat.of().formatHex("proxy.corp.example:8080".getBytes())
                + "07000000" + HexFormat.of().formatHex("<local>".getBytes()) + "00000000" + "00".repeat(32);
        var settings = WinInetConnectionSettings.decode(HexFormat.of().parseHex(blob));
        assertEquals(Optional.of(UpdateProxy.fixed("proxy.corp.example:8080", "<local>")), settings.asUpdateProxy());
        var pac = new WinInetConnectionSettings(0x46, 1, 0x0d, "", "", "http://wpad.corp.example/proxy.pac");
        assertEquals(Optional.empty(), pac.asUpdateProxy(), "a script is neither direct nor one fixed proxy");
        assertEquals(Optional.of(UpdateProxy.direct()), new WinInetConnectionSettings(0x46, 1, 0x1, "", "", "").asUpdateProxy());
        assertThrows(WinHttpSettingsFormatException.class, () -> WinInetConnectionSettings.decode(HexFormat.of().parseHex("46000000010000000300ff")));
        assertThrows(WinHttpSettingsFormatException.class, () -> WinInetConnectionSettings.decode(HexFormat.of().parseHex("460000000100000003000000ff000000")));
    }

    @Test
    void thePacAnswerBecomesOneProxyOrDirect() throws Exception {
        assertEquals(UpdateProxy.direct(), WinHttpPacResolver.interpret(WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY, null, null));
        assertEquals(UpdateProxy.fixed("p1.example:8080", "<local>"),
                WinHttpPacResolver.interpret(WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY, "p1.example:8080; p2.example:8080", null));
        assertThrows(PacException.class, () -> WinHttpPacResolver.interpret(WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY, "bad!:1", null));
    }

    @Test
    void theUsersSettingsAreKeptAsWinInetHasThem() {
        assertEquals(Optional.of(new UserProxySettings(true, Optional.of("http://wpad.example/wpad.dat"),
                        Optional.of(UpdateProxy.fixed("p.example:8080", "<local>")))),
                WinHttpUserProxySource.interpret(true, "http://wpad.example/wpad.dat", "p.example:8080", "<local>"));
        assertEquals(Optional.of(UserProxySettings.DIRECT), WinHttpUserProxySource.interpret(false, null, null, null));
        assertEquals(Optional.empty(), WinHttpUserProxySource.interpret(false, null, "bücher.example:80", null));
    }

    @Test
    void errorsCarryTheSymbolicNameAndTheNumber() {
        assertEquals("WinHttpSetDefaultProxyConfiguration failed: Access is denied (ERROR_ACCESS_DENIED, 5)",
                Win32Errors.describe("WinHttpSetDefaultProxyConfiguration", 5, "Access is denied.\r\n"));
        assertTrue(Win32Errors.isDenied(5));
        assertTrue(ScmUpdateService.isRunning(Winsvc.SERVICE_RUNNING));
        assertFalse(ScmUpdateService.isRunning(Winsvc.SERVICE_STOPPED));
    }

    @Test
    void policiesThatChangeHowScansUseProxiesAreRead() {
        assertEquals(new io.github.wuproxy.port.UpdatePolicy(true, Optional.of("https://wsus.corp.example:8531")),
                RegistryUpdatePolicy.interpret(1, "https://wsus.corp.example:8531", 1));
        assertEquals(io.github.wuproxy.port.UpdatePolicy.NONE, RegistryUpdatePolicy.interpret(0, "https://wsus.corp.example:8531", 0));
        assertEquals(io.github.wuproxy.port.UpdatePolicy.NONE, RegistryUpdatePolicy.interpret(null, null, "1"));
    }

    @Test
    void aScanIsStartedByAbsolutePathWithAFixedArgument() {
        Path system32 = Path.of("C:\\Windows\\System32");
        assertEquals(List.of(system32.resolve("UsoClient.exe").toString(), "StartScan"),
                UsoClientScanner.command(system32.resolve("UsoClient.exe")));
    }
}
