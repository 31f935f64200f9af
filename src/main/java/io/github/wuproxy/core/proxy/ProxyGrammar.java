package io.github.wuproxy.core.proxy;

import io.github.wuproxy.core.location.IpAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The WinHTTP proxy-list and bypass-list grammar (proxycfg / netsh / WINHTTP_PROXY_INFO):
 * entries {@code [scheme=][scheme://]host[:port]} and bypass entries separated by ';' or spaces.
 */
final class ProxyGrammar {
    static final int MAX_LENGTH = 2048;
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "socks");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");
    private static final Pattern SEPARATORS = Pattern.compile("[;\\s]+");
    private static final Pattern DOT = Pattern.compile("\\.");
    private static final Pattern BYPASS_HOST = Pattern.compile("[A-Za-z0-9*_.:\\[\\]-]+");

    private ProxyGrammar() {}

    /** Checks and normalises a proxy list to entries joined by ';'. */
    static String proxyList(String text) {
        checkCharacters(text, "proxy server");
        noCredentials(text, "proxy server");
        List<String> entries = split(text);
        if (entries.isEmpty()) {
            throw new InvalidProxyException("a fixed proxy needs host:port, got an empty server");
        }
        Set<String> schemes = new HashSet<>();
        List<String> normalised = new ArrayList<>();
        for (String entry : entries) {
            String scheme = "";
            String rest = entry;
            int equals = entry.indexOf('=');
            if (equals >= 0) {
                scheme = entry.substring(0, equals).toLowerCase(Locale.ROOT);
                rest = entry.substring(equals + 1);
                if (!SCHEMES.contains(scheme)) {
                    throw new InvalidProxyException("proxy entry \"" + redact(entry) + "\" names scheme \"" + scheme
                            + "\"; WinHTTP knows http=, https=, ftp= and socks=");
                }
            }
            if (!schemes.add(scheme)) {
                throw new InvalidProxyException(scheme.isEmpty()
                        ? "the proxy list has two entries without a scheme; keep one, or prefix them with http= / https="
                        : "the proxy list has two " + scheme + "= entries; keep one");
            }
            String prefix = "";
            int slashes = rest.indexOf("://");
            if (slashes >= 0) {
                prefix = rest.substring(0, slashes).toLowerCase(Locale.ROOT);
                if (!SCHEMES.contains(prefix)) {
                    throw new InvalidProxyException("proxy entry \"" + redact(entry) + "\" starts with \"" + prefix
                            + "://\"; WinHTTP knows http://, https:// and socks://");
                }
                rest = rest.substring(slashes + 3);
                prefix += "://";
            }
            String server = hostPort(rest, entry);
            normalised.add((scheme.isEmpty() ? "" : scheme + "=") + prefix + server);
        }
        return String.join(";", normalised);
    }

    /** Checks and normalises a bypass list (possibly empty) to entries joined by ';'. */
    static String bypassList(String text) {
        if (text == null) {
            return "";
        }
        checkCharacters(text, "bypass list");
        noCredentials(text, "bypass list");
        List<String> normalised = new ArrayList<>();
        for (String entry : split(text)) {
            String lower = entry.toLowerCase(Locale.ROOT);
            if (lower.equals("<local>") || lower.equals("<-loopback>")) {
                normalised.add(lower);
            } else if (entry.startsWith("<")) {
                throw new InvalidProxyException("bypass entry \"" + entry
                        + "\" is not known; the only macros are <local> (names without a dot) and <-loopback>");
            } else if (!BYPASS_HOST.matcher(stripScheme(entry)).matches()) {
                throw new InvalidProxyException("bypass entry \"" + redact(entry)
                        + "\" is not a host, address or wildcard pattern (like *.corp.example, 10.*, <local>)");
            } else {
                normalised.add(entry);
            }
        }
        return String.join(";", normalised);
    }

    /** "http://host" → "host"; a prefix that is not a scheme WinHTTP knows is kept, so the host check fails on it. */
    private static String stripScheme(String entry) {
        int slashes = entry.indexOf("://");
        return slashes >= 0 && SCHEMES.contains(entry.substring(0, slashes).toLowerCase(Locale.ROOT)) ? entry.substring(slashes + 3) : entry;
    }

    private static String hostPort(String text, String entry) {
        if (text.contains("@")) {
            throw new InvalidProxyException("proxy entry \"" + redact(entry)
                    + "\" carries credentials; WinHTTP takes none in the proxy string, so remove the user:password@ part");
        }
        if (text.contains("/")) {
            throw new InvalidProxyException(
                    "proxy entry \"" + entry + "\" has a path; give only host:port, like proxy.corp.example:8080");
        }
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new InvalidProxyException("proxy entry \"" + entry + "\" opens an IPv6 address with [ but never closes it");
            }
            host = text.substring(1, close);
            String after = text.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new InvalidProxyException("proxy entry \"" + entry + "\" has text after the IPv6 address");
                }
                port = after.substring(1);
            }
            if (!host.contains(":") || !IpAddress.isLiteral(host)) {
                throw new InvalidProxyException("proxy entry \"" + entry + "\" has \"" + host + "\" in brackets, which is not an IPv6 address");
            }
            host = "[" + IpAddress.parse(host) + "]";
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
            if (host.contains(":")) {
                throw new InvalidProxyException("proxy entry \"" + entry + "\": write an IPv6 address in brackets, like [fd00::8]:8080");
            }
            checkHost(host, entry);
        }
        if (port == null) {
            return host;
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new InvalidProxyException("proxy entry \"" + entry + "\": the port must be a number from 1 to 65535, found \"" + port + "\"");
        }
        return host + ":" + Integer.parseInt(port);
    }

    private static void checkHost(String host, String entry) {
        if (host.isEmpty()) {
            throw new InvalidProxyException("proxy entry \"" + entry + "\" has no host name before the port");
        }
        if (host.length() > 253) {
            throw new InvalidProxyException("proxy entry \"" + entry.substring(0, 40) + "...\" has a host name longer than 253 characters");
        }
        for (String label : DOT.split(host, -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidProxyException("proxy entry \"" + entry + "\": \"" + host
                        + "\" is not a host name (letters, digits and hyphens between dots) or an IPv4 address");
            }
        }
    }

    private static List<String> split(String text) {
        List<String> entries = new ArrayList<>();
        for (String part : SEPARATORS.split(text)) {
            if (!part.isEmpty()) {
                entries.add(part);
            }
        }
        return entries;
    }

    private static void checkCharacters(String text, String what) {
        if (text == null) {
            throw new InvalidProxyException("the " + what + " is missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidProxyException("the " + what + " is " + text.length() + " characters long; WinHTTP settings are kept under "
                    + MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || (c < 0x20 && " \t\n\u000B\f\r".indexOf(c) < 0)) { // the separators \s splits on, no other control
                throw new InvalidProxyException(String.format(Locale.ROOT,
                        "the %s has the character U+%04X at position %d; WinHTTP takes plain ASCII only "
                                + "(write an internationalised name in its xn-- form)", what, (int) c, i + 1));
            }
        }
    }

    /**
     * Refuses user:password@ before the text is split into entries, quoting none of it: a password
     * may hold a space or a ';', so the entry the split would show could be a piece of it.
     */
    private static void noCredentials(String text, String what) {
        if (text.contains("@")) {
            throw new InvalidProxyException("the " + what + " carries credentials (a user:password@ part); WinHTTP takes none in the "
                    + "proxy string, so remove it");
        }
    }

    /** Hides the user info in {@code user:password@host} so an error message never carries it. */
    static String redact(String entry) {
        return Secrets.redact(entry);
    }
}
