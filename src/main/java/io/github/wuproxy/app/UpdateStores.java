package io.github.wuproxy.app;

import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stores beside the machine WinHTTP proxy that decide Windows Update's traffic, as diagnose
 * reads them on Windows: the advanced WinHTTP store per scope (netsh's raw output), the
 * ProxySettingsPerUser policy and the machine-wide WinINet settings.
 *
 * @param advancedProxy netsh's output per scope ("machine", "user", or "in force" from a netsh that takes no scope); empty for
 *     a scope netsh does not know
 * @param advancedProxyError why netsh could not be run, when it could not
 * @param proxySettingsPerUser the policy value; empty when not set (per user, Windows' default)
 * @param machineWinInet HKLM's WinINet settings, used by everyone under ProxySettingsPerUser = 0
 * @param nextScan the Schedule Scan task's next run time, when it could be read
 */
record UpdateStores(boolean windows, Map<String, Optional<String>> advancedProxy, Optional<String> advancedProxyError,
        OptionalInt proxySettingsPerUser, Optional<UserProxySettings> machineWinInet, Optional<java.time.Instant> nextScan) {

    static final UpdateStores NOT_WINDOWS = new UpdateStores(false, Map.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
            Optional.empty());

    UpdateStores {
        advancedProxy = Map.copyOf(advancedProxy);
    }

    /** Delivery Optimization uses the machine-wide WinINet settings rather than the signed-in user's. */
    boolean perMachine() {
        return proxySettingsPerUser.isPresent() && proxySettingsPerUser.getAsInt() == 0;
    }
}
