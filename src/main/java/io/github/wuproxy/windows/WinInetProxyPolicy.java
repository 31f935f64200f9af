package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinReg;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Group Policy "Make proxy settings per-machine (rather than per-user)":
 * HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings\ProxySettingsPerUser.
 * 0 makes the WinINet settings machine-wide (HKLM), which only administrators and services may change.
 */
public final class WinInetProxyPolicy {
    private static final Logger log = LoggerFactory.getLogger(WinInetProxyPolicy.class);
    static final String KEY = "SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";
    static final String VALUE = "ProxySettingsPerUser";

    private WinInetProxyPolicy() {}

    /** Whether the policy makes the WinINet proxy settings the machine's; unreadable counts as per user, the default. */
    public static boolean perMachine() {
        try {
            return perMachine(Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, KEY, VALUE)
                    ? Optional.of(Advapi32Util.registryGetIntValue(WinReg.HKEY_LOCAL_MACHINE, KEY, VALUE)) : Optional.empty());
        } catch (Win32Exception e) {
            log.warn("could not read {}\\{} ({}); taking the proxy settings as per user", KEY, VALUE, e.getMessage());
            return false;
        }
    }

    /** Only an explicit 0 is per machine; absent or 1 is per user (some documents say the opposite; Microsoft's DO and IE docs agree on this). */
    static boolean perMachine(Optional<Integer> value) {
        return value.isPresent() && value.get() == 0;
    }
}
