package io.github.wuproxy.core.proxy;

import java.util.Optional;

/**
 * One scope (machine or user) of the "advanced" WinHTTP proxy store of Windows 11 and Server 2022+
 * ({@code netsh winhttp show advproxy}), as netsh shows it. wuproxy only reads it: {@code netsh
 * winhttp reset proxy} does not clear it, and Microsoft ties it neither to scans nor to downloads.
 * A key netsh did not print is empty (booleans) or "" (strings).
 */
public record AdvancedProxySettings(
        Optional<Boolean> proxyEnabled,
        String proxy,
        String bypass,
        Optional<Boolean> autoConfigEnabled,
        String autoConfigUrl,
        boolean autoDetect,
        Optional<Boolean> perUserProxySettings) {

    /** Whether this scope sets anything: a proxy, a setup script or auto-detection. */
    public boolean setsAnything() {
        return proxyInForce() || scriptInForce() || autoDetect;
    }

    private boolean proxyInForce() {
        return proxyEnabled.orElse(true) && !proxy.isBlank();
    }

    private boolean scriptInForce() {
        return autoConfigEnabled.orElse(true) && !autoConfigUrl.isBlank();
    }

    public String describe() {
        if (!setsAnything()) {
            return "nothing set (direct)";
        }
        StringBuilder out = new StringBuilder();
        if (autoDetect) {
            out.append("automatic detection");
        }
        if (scriptInForce()) {
            out.append(out.isEmpty() ? "" : ", then ").append("setup script ").append(PacUrls.safe(autoConfigUrl));
        }
        if (proxyInForce()) {
            out.append(out.isEmpty() ? "" : ", then ").append("proxy ").append(proxy).append(bypass.isBlank() ? "" : " (bypass " + bypass + ")");
        }
        return out.toString();
    }
}
