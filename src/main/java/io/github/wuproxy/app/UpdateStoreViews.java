package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.AdvancedProxySettings;
import io.github.wuproxy.core.proxy.ProxyViews;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.json.AdvancedProxyJson;
import io.github.wuproxy.json.JsonFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnose report's view of the stores beyond WinHTTP: the advanced WinHTTP store, the
 * ProxySettingsPerUser policy, the proxy Delivery Optimization downloads use, and their mismatches.
 */
final class UpdateStoreViews {
    static final String ABSENT = "absent: this Windows has no advanced WinHTTP proxy store (Windows 11 and Server 2022 have one)";

    private UpdateStoreViews() {}

    /** Adds {@code advancedProxy}, {@code proxySettingsPerUser} and {@code downloads} to the report's stores. */
    static void write(ObjectNode stores, UpdateStores read, Optional<UserProxySettings> user) {
        if (!read.windows()) {
            stores.put("advancedProxy", "not Windows");
        } else if (read.advancedProxyError().isPresent()) {
            stores.put("advancedProxy", "netsh could not be run: " + read.advancedProxyError().get());
        } else if (read.advancedProxy().values().stream().allMatch(Optional::isEmpty)) {
            stores.put("advancedProxy", ABSENT);
        } else {
            ObjectNode scopes = stores.putObject("advancedProxy");
            for (Map.Entry<String, Optional<String>> scope : read.advancedProxy().entrySet()) {
                scopes.put(scope.getKey(), describe(scope.getValue()));
            }
        }
        if (read.proxySettingsPerUser().isPresent()) {
            stores.put("proxySettingsPerUser", read.proxySettingsPerUser().getAsInt());
        } else {
            stores.putNull("proxySettingsPerUser");
        }
        ObjectNode downloads = stores.putObject("downloads");
        downloads.put("from", read.perMachine()
                ? "the machine-wide WinINet settings (ProxySettingsPerUser = 0)"
                : "the signed-in user's own settings (Delivery Optimization uses them while a user is signed in; with nobody signed in, the machine WinHTTP proxy)");
        downloads.put("proxy", downloadProxy(read, user).map(UserProxySettings::describe).orElse("not known"));
    }

    private static String describe(Optional<String> shown) {
        if (shown.isEmpty()) {
            return "netsh does not know this scope";
        }
        try {
            return AdvancedProxyJson.parse(shown.get()).map(AdvancedProxySettings::describe).orElse("netsh showed no settings");
        } catch (JsonFormatException e) {
            return "not understood: " + e.getMessage();
        }
    }

    private static Optional<UserProxySettings> downloadProxy(UpdateStores read, Optional<UserProxySettings> user) {
        return read.perMachine() ? read.machineWinInet() : user;
    }

    /** Where the stores disagree with what scans use or what the profile wants, and what each breaks. */
    static List<ProxyViews.Mismatch> mismatches(UpdateStores read, Optional<UpdateProxy> scans, Optional<UserProxySettings> user,
            Optional<UpdateProxy> desired, String profile) {
        List<ProxyViews.Mismatch> found = new ArrayList<>();
        String scansUse = scans.map(UpdateProxy::describe).orElse("a WinHTTP value wuproxy cannot read");
        for (Map.Entry<String, Optional<String>> scope : read.advancedProxy().entrySet()) {
            Optional<AdvancedProxySettings> settings = parsed(scope.getValue());
            if (settings.isPresent() && settings.get().setsAnything() && !sameAs(settings.get(), scans)) {
                found.add(new ProxyViews.Mismatch("the advanced WinHTTP proxy store (" + scope.getKey() + ") holds "
                        + settings.get().describe() + " while scans use " + scansUse,
                        "`netsh winhttp reset proxy` does not clear it and wuproxy does not write it; programs that read it get another "
                                + "proxy than Windows Update; Microsoft ties it to neither scans nor downloads",
                        ProxyViews.Affects.OTHER_PROGRAMS));
            }
        }
        Optional<UserProxySettings> downloads = downloadProxy(read, user);
        if (downloads.isPresent() && desired.isPresent() && !fits(downloads.get(), desired.get())) {
            found.add(new ProxyViews.Mismatch("Delivery Optimization downloads use " + downloads.get().describe()
                    + (read.perMachine() ? " (machine-wide, ProxySettingsPerUser = 0)" : " (your own settings)")
                    + " but profile " + profile + " wants " + desired.get().describe() + " here",
                    "updates may be found but fail to download: Delivery Optimization ignores the machine proxy while a user is signed in",
                    ProxyViews.Affects.DOWNLOADS));
        }
        return found;
    }

    private static Optional<AdvancedProxySettings> parsed(Optional<String> shown) {
        try {
            return shown.isEmpty() ? Optional.empty() : AdvancedProxyJson.parse(shown.get());
        } catch (JsonFormatException e) {
            return Optional.empty();
        }
    }

    /** A plain proxy that is the scans' own proxy is no mismatch. */
    private static boolean sameAs(AdvancedProxySettings advanced, Optional<UpdateProxy> scans) {
        return !advanced.autoDetect() && advanced.autoConfigUrl().isBlank() && scans.orElse(null) instanceof UpdateProxy.Fixed fixed
                && fixed.server().equalsIgnoreCase(advanced.proxy().strip());
    }

    /** Only a direct or fixed setting is compared: a setup script or auto-detection answers per network. */
    private static boolean fits(UserProxySettings settings, UpdateProxy wanted) {
        return switch (settings.mode()) {
            case DIRECT -> wanted instanceof UpdateProxy.Direct;
            case FIXED -> wanted instanceof UpdateProxy.Fixed fixed && fixed.server().equalsIgnoreCase(settings.manual().orElseThrow().server());
            case PAC, AUTO_DETECT -> true;
        };
    }
}
