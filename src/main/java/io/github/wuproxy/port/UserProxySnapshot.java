package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The user's own proxy settings exactly as stored, so they can be backed up and put back byte for byte.
 *
 * @param connectionSettings the raw {@code DefaultConnectionSettings} value; empty when it does not exist
 * @param legacy the older values WinINet keeps beside it ({@code ProxyEnable}, {@code ProxyServer},
 *     {@code ProxyOverride}, {@code AutoConfigURL}) as text; a value that does not exist is left out
 * @param settings what they mean; empty when wuproxy cannot interpret them
 */
public record UserProxySnapshot(byte[] connectionSettings, Map<String, String> legacy, Optional<UserProxySettings> settings) {
    public UserProxySnapshot {
        connectionSettings = java.util.Arrays.copyOf(connectionSettings, connectionSettings.length);
        legacy = java.util.Collections.unmodifiableMap(new TreeMap<>(legacy));
    }

    @Override
    public byte[] connectionSettings() {
        return java.util.Arrays.copyOf(connectionSettings, connectionSettings.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserProxySnapshot that && Arrays.equals(connectionSettings, that.connectionSettings)
                && legacy.equals(that.legacy) && settings.equals(that.settings);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(connectionSettings) * 31 + legacy.hashCode();
    }

    @Override
    public String toString() {
        return "UserProxySnapshot[" + settings.map(UserProxySettings::describe).orElse("?") + ", " + connectionSettings.length + " bytes]";
    }
}
