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

    static UpdatePolicy interpret(Object proxyBehavior, Object wuServer, Object useWuServer) {
        boolean fallback = proxyBehavior instanceof Integer value && value == 1;
        boolean wsus = useWuServer instanceof Integer value && value == 1;
        Optional<String> server = wsus && wuServer instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
        return new UpdatePolicy(fallback, server);
    }
}
