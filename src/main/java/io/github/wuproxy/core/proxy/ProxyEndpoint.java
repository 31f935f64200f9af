package io.github.wuproxy.core.proxy;

import java.util.Optional;

/** The proxy WinHTTP uses for one scheme of a proxy list, as a host and port. */
public record ProxyEndpoint(String host, int port) {
    /** WinHTTP's port for a proxy entry without one. */
    static final int DEFAULT_PORT = 80;

    /**
     * The entry WinHTTP picks for {@code scheme} ("https"): the scheme's own {@code https=} entry,
     * else the entry without a scheme; empty when the list has neither (then WinHTTP goes direct).
     */
    public static Optional<ProxyEndpoint> forScheme(UpdateProxy.Fixed proxy, String scheme) {
        Optional<String> plain = Optional.empty();
        for (String entry : proxy.server().split(";")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                plain = plain.or(() -> Optional.of(entry));
            } else if (entry.substring(0, equals).equals(scheme)) {
                return Optional.of(parse(entry.substring(equals + 1)));
            }
        }
        return plain.map(ProxyEndpoint::parse);
    }

    /** Parses an entry ProxyGrammar has already normalised: [scheme://]host[:port] or [v6][:port]. */
    private static ProxyEndpoint parse(String entry) {
        int slashes = entry.indexOf("://");
        String rest = slashes >= 0 ? entry.substring(slashes + 3) : entry;
        int colon = rest.lastIndexOf(':');
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            String host = rest.substring(1, close);
            return new ProxyEndpoint(host, close + 1 < rest.length() ? Integer.parseInt(rest.substring(close + 2)) : DEFAULT_PORT);
        }
        return colon < 0 ? new ProxyEndpoint(rest, DEFAULT_PORT)
                : new ProxyEndpoint(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
