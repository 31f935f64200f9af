package io.github.wuproxy.core.profile;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names and {@code host:port} endpoints in probe conditions. */
final class Hosts {
    private static final Pattern NAME =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*\\.?");

    private Hosts() {}

    static String checkName(String host) {
        if (host == null || host.length() > 253 || !NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("\"" + host + "\" is not a host name (like proxy.corp.example.com)");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** {@code host:port} or {@code [v6]:port}, lower-cased. */
    static String checkEndpoint(String endpoint) {
        String text = endpoint == null ? "" : endpoint.strip();
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("reachable needs host:port, found \"" + endpoint + "\"");
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("reachable \"" + endpoint + "\": the port must be a number from 1 to 65535");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return "[" + io.github.wuproxy.core.location.IpAddress.parse(host.substring(1, host.length() - 1)) + "]:" + port;
        }
        if (io.github.wuproxy.core.location.IpAddress.isLiteral(host)) {
            return io.github.wuproxy.core.location.IpAddress.parse(host) + ":" + port;
        }
        return checkName(host) + ":" + Integer.parseInt(port);
    }
}
