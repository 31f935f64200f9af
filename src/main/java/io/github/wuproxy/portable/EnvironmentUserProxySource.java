package io.github.wuproxy.portable;

import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxySource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Off Windows, the user's own proxy is what {@code https_proxy} / {@code http_proxy} and
 * {@code no_proxy} say; none of them set means direct.
 */
public final class EnvironmentUserProxySource implements UserProxySource {
    private final Map<String, String> environment;

    public EnvironmentUserProxySource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Optional<UserProxySettings> current() {
        String proxy = first("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY");
        if (proxy == null || proxy.isBlank()) {
            return Optional.of(UserProxySettings.DIRECT);
        }
        try {
            String server = proxy.contains("://") ? hostPort(URI.create(proxy.strip())) : proxy.strip();
            return Optional.of(UserProxySettings.fixed(UpdateProxy.fixed(server, bypass(first("no_proxy", "NO_PROXY")))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // unusable; the engine reports the profile as unresolved
        }
    }

    private static String hostPort(URI uri) {
        if (uri.getHost() == null) {
            throw new InvalidProxyException("no host in the proxy URL");
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        return uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
    }

    /** {@code localhost,.corp.example,10.0.0.0/8} to WinHTTP's {@code localhost;*.corp.example}; blocks are dropped. */
    static String bypass(String noProxy) {
        if (noProxy == null) {
            return "";
        }
        List<String> entries = new ArrayList<>();
        for (String entry : noProxy.split(",")) {
            String e = entry.strip();
            if (e.isEmpty() || e.contains("/")) {
                continue;
            }
            entries.add(e.startsWith(".") ? "*" + e : e);
        }
        return String.join(";", entries);
    }

    private String first(String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
