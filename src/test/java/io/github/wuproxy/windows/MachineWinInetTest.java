package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.format.WinInetConnectionSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The machine-wide WinINet settings (ProxySettingsPerUser = 0) read as the settings Delivery Optimization uses. */
class MachineWinInetTest {
    private static Optional<UserProxySettings> read(int flags, String proxy, String bypass, String url) {
        return RegistryUpdatePolicy.userSettings(new WinInetConnectionSettings(0x46, 7, flags, proxy, bypass, url));
    }

    @Test
    void readsEachFlagAsTheSettingsPageShowsIt() {
        assertEquals(Optional.of(UserProxySettings.DIRECT), read(0x1, "", "", ""));
        assertEquals(Optional.of(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example:8080", "<local>"))),
                read(0x3, "proxy.corp.example:8080", "<local>", ""));
        assertEquals(Optional.of(UserProxySettings.pac("http://wpad.corp.example/p.pac")), read(0x5, "", "", "http://wpad.corp.example/p.pac"));
        assertEquals(Optional.of(UserProxySettings.autoDetected()), read(0x9, "", "", ""));
        assertEquals(Optional.of(UserProxySettings.DIRECT), read(0x1, "proxy.corp.example:8080", "", ""), "a proxy switched off is not used");
    }

    @Test
    void aValueWinHttpCouldNotUseIsUnknown() {
        assertEquals(Optional.empty(), read(0x3, "proxy.corp.example:80 & calc", "", ""));
        assertEquals(Optional.empty(), read(0x5, "", "", "ftp://wpad.example/p.pac"));
    }
}
