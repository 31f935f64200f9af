package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import io.github.wuproxy.port.UpdatePolicy;
import java.util.Optional;

/** Reads the Windows Update policies that bear on proxies from HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate. */
public final class RegistryUpdatePolicy {
    static final String KEY = "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate";

    private RegistryUpdatePolicy() {}

    public static UpdatePolicy read() {
        try {
            if (!Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, KEY, WinNT.KEY_WOW64_64KEY)) {
                return UpdatePolicy.NONE;
            }
            var values = Advapi32Util.registryGetValues(WinReg.HKEY_LOCAL_MACHINE, KEY, WinNT.KEY_WOW64_64KEY);
            var au = Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, KEY + "\\AU", WinNT.KEY_WOW64_64KEY)
                    ? Advapi32Util.registryGetValues(WinReg.HKEY_LOCAL_MACHINE, KEY + "\\AU", WinNT.KEY_WOW64_64KEY)
                    : java.util.Map.<String, Object>of();
            return interpret(values.get("SetProxyBehaviorForUpdateDetection"), values.get("WUServer"), au.get("UseWUServer"));
        } catch (Win32Exception e) {
            return UpdatePolicy.NONE;
        }
    }

    /** The "Make proxy settings per-machine" policy (HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings). */
    static final String INTERNET_POLICY = "SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";
    static final String MACHINE_CONNECTIONS = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections";

    /** ProxySettingsPerUser: 0 makes the WinINet settings machine-wide; empty when the policy is not set (per user). */
    public static java.util.OptionalInt proxySettingsPerUser() {
        try {
            if (Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, INTERNET_POLICY, "ProxySettingsPerUser", WinNT.KEY_WOW64_64KEY)) {
                Object value = Advapi32Util.registryGetValue(WinReg.HKEY_LOCAL_MACHINE, INTERNET_POLICY, "ProxySettingsPerUser");
                return value instanceof Integer number ? java.util.OptionalInt.of(number) : java.util.OptionalInt.empty();
            }
        } catch (Win32Exception e) {
            // unreadable reads as not set
        }
        return java.util.OptionalInt.empty();
    }

    /** The machine-wide WinINet settings (HKLM ... Connections\DefaultConnectionSettings), used under ProxySettingsPerUser = 0. */
    public static Optional<io.github.wuproxy.core.proxy.UserProxySettings> machineWinInet() {
        try {
            if (!Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, MACHINE_CONNECTIONS, "DefaultConnectionSettings", WinNT.KEY_WOW64_64KEY)) {
                return Optional.empty();
            }
            byte[] blob = Advapi32Util.registryGetBinaryValue(WinReg.HKEY_LOCAL_MACHINE, MACHINE_CONNECTIONS, "DefaultConnectionSettings");
            return userSettings(io.github.wuproxy.format.WinInetConnectionSettings.decode(blob));
        } catch (Win32Exception | io.github.wuproxy.format.WinHttpSettingsFormatException e) {
            return Optional.empty();
        }
    }

    /** WinINet's flags as the user's settings; empty when a value could not be used. */
    static Optional<io.github.wuproxy.core.proxy.UserProxySettings> userSettings(io.github.wuproxy.format.WinInetConnectionSettings s) {
        try {
            boolean detect = (s.flags() & io.github.wuproxy.format.WinInetConnectionSettings.FLAG_AUTO_DETECT) != 0;
            Optional<String> pac = (s.flags() & io.github.wuproxy.format.WinInetConnectionSettings.FLAG_AUTO_PROXY_URL) != 0
                    ? Optional.of(s.autoConfigUrl()) : Optional.empty();
            Optional<io.github.wuproxy.core.proxy.UpdateProxy.Fixed> manual =
                    (s.flags() & io.github.wuproxy.format.WinInetConnectionSettings.FLAG_PROXY) != 0 && !s.proxy().isBlank()
                            ? Optional.of(io.github.wuproxy.core.proxy.UpdateProxy.fixed(s.proxy(), s.bypass())) : Optional.empty();
            return Optional.of(new io.github.wuproxy.core.proxy.UserProxySettings(detect, pac, manual));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static UpdatePolicy interpret(Object proxyBehavior, Object wuServer, Object useWuServer) {
        boolean fallback = proxyBehavior instanceof Integer value && value == 1;
        boolean wsus = useWuServer instanceof Integer value && value == 1;
        Optional<String> server = wsus && wuServer instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
        return new UpdatePolicy(fallback, server);
    }
}
