package io.github.wuproxy.core.location;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces what identifies a recorded network with pseudonyms, so a recording can be shared: DNS
 * suffixes and host names ({@code n-3fa2c1d0e4.example}), SSIDs and network names, gateway MACs
 * (locally administered {@code 02-...}), the interface IDs of IPv6 addresses made from a MAC
 * (EUI-64, {@code ff:fe} in the middle), certificate fingerprints and URL paths. User info and
 * query strings of URLs are dropped. Subnets and other addresses stay, as rules need them.
 * <p>
 * Pseudonyms are an HMAC-SHA256 under a key: a fresh random one by default, so a pseudonym cannot
 * be reversed by hashing a list of likely names; the same key maps the same name the same way,
 * which lets one fleet's recordings be compared. The label ({@code --name}) stays as given.
 */
public final class Anonymiser {
    private static final int BLOCK = 64;
    private final byte[] inner = new byte[BLOCK];
    private final byte[] outer = new byte[BLOCK];

    /** HMAC (RFC 2104) over SHA-256, from java.security alone. */
    private Anonymiser(byte[] key) {
        byte[] k = key.length > BLOCK ? sha256(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            inner[i] = (byte) (b ^ 0x36);
            outer[i] = (byte) (b ^ 0x5c);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    /** A key of 32 random bytes, used for this recording only. */
    public static Anonymiser withFreshKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Anonymiser(key);
    }

    /** A key shared across recordings (not empty). */
    public static Anonymiser withKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the anonymisation key is empty; give a secret string, or no key for a fresh random one");
        }
        return new Anonymiser(key.getBytes(StandardCharsets.UTF_8));
    }

    public NetworkLocation anonymise(NetworkLocation location) {
        List<NetworkLink> links = new ArrayList<>();
        for (NetworkLink link : location.links()) {
            links.add(new NetworkLink(link.name(), link.kind(), name(link.dnsSuffix()),
                    link.addresses().stream().map(a -> new HostAddress(ip(a.address()), a.prefixLength())).toList(),
                    link.gateways().stream().map(g -> new Gateway(ip(g.ip()), g.mac().map(this::mac))).toList(),
                    link.dnsServers().stream().map(this::ip).toList(), link.ssid().map(this::label)));
        }
        ProbeResults p = location.probes();
        Map<String, List<IpAddress>> dns = new LinkedHashMap<>();
        p.dns().forEach((host, addresses) -> dns.put(name(host), addresses.stream().map(this::ip).toList()));
        Map<String, String> reverse = new LinkedHashMap<>();
        p.reverseDns().forEach((address, host) -> reverse.put(literal(address), name(host)));
        Set<String> reachable = new TreeSet<>();
        p.reachable().forEach(endpoint -> reachable.add(endpoint(endpoint)));
        Map<String, String> beacons = new LinkedHashMap<>();
        p.beacons().forEach((url, sha) -> beacons.put(url(url), HexFormat.of().formatHex(digest("cert:" + sha))));
        Map<String, String> pac = new LinkedHashMap<>();
        p.pac().forEach((url, answer) -> pac.put(url(url), pacAnswer(answer)));
        return new NetworkLocation(location.name(), links, location.category(), name(location.networkName()),
                new ProbeResults(dns, reverse, reachable, beacons, pac), location.captivePortal());
    }

    private String pacAnswer(String answer) {
        List<String> entries = new ArrayList<>();
        for (String entry : answer.split(";")) {
            String[] parts = entry.strip().split("\\s+", 2);
            entries.add(parts.length == 2 ? parts[0] + " " + endpoint(parts[1].contains(":") ? parts[1] : parts[1] + ":80") : entry.strip());
        }
        return String.join("; ", entries);
    }

    /** A DNS name; empty stays empty and a literal address is treated as an address. */
    String name(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (IpAddress.isLiteral(text)) {
            return literal(text);
        }
        return "n-" + pseudonym("name:" + text.toLowerCase(Locale.ROOT)) + ".example";
    }

    private String label(String text) {
        return text.isEmpty() ? text : "s-" + pseudonym("label:" + text);
    }

    private String literal(String text) {
        return IpAddress.isLiteral(text) ? ip(IpAddress.parse(text)).toString() : name(text);
    }

    /** {@code 00-11-22-33-44-55} to a locally administered unicast MAC. */
    String mac(String mac) {
        byte[] d = digest("mac:" + mac);
        d[0] = (byte) ((d[0] & 0xfc) | 0x02);
        return HexFormat.ofDelimiter("-").formatHex(d, 0, 6);
    }

    /** An IPv6 address whose interface ID came from a MAC (EUI-64) gets a pseudonymous interface ID; others stay. */
    IpAddress ip(IpAddress address) {
        byte[] b = address.bytes();
        if (b.length != 16 || (b[11] & 0xff) != 0xff || (b[12] & 0xff) != 0xfe) {
            return address;
        }
        byte[] d = digest("eui64:" + HexFormat.of().formatHex(b, 8, 16));
        System.arraycopy(d, 0, b, 8, 8);
        b[8] = (byte) (b[8] & 0xfd); // the universal/local bit says "local": no longer from a MAC
        return new IpAddress(b);
    }

    private String endpoint(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon < 0) {
            return name(endpoint);
        }
        String host = endpoint.substring(0, colon);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        String named = bracketed ? "[" + literal(host.substring(1, host.length() - 1)) + "]" : name(host);
        return named + endpoint.substring(colon);
    }

    /** scheme://host[:port]/path: user info and query dropped, host and path pseudonymised. */
    String url(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return name(url);
        }
        start += 3;
        int query = url.length();
        for (char c : new char[] {'?', '#'}) {
            query = url.indexOf(c, start) < 0 ? query : Math.min(query, url.indexOf(c, start));
        }
        int hostStart = url.lastIndexOf('@', query - 1) + 1; // a password may hold '/' or '@': user info ends at the last '@'
        hostStart = Math.max(hostStart, start);
        int end = hostStart;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(hostStart, end);
        String rest = url.substring(end).replaceAll("[?#].*", "");
        String path = rest.isEmpty() || rest.equals("/") ? rest : "/p-" + pseudonym("path:" + rest);
        int colon = authority.lastIndexOf(':');
        boolean port = colon > authority.indexOf(']');
        String host = port ? authority.substring(0, colon) : authority;
        String named = host.startsWith("[") && host.endsWith("]") ? "[" + literal(host.substring(1, host.length() - 1)) + "]" : name(host);
        return url.substring(0, start) + named + (port ? authority.substring(colon) : "") + path;
    }

    private String pseudonym(String text) {
        return HexFormat.of().formatHex(digest(text), 0, 5);
    }

    private byte[] digest(String text) {
        MessageDigest first = sha256();
        first.update(inner);
        byte[] innerHash = first.digest(text.getBytes(StandardCharsets.UTF_8));
        MessageDigest second = sha256();
        second.update(outer);
        return second.digest(innerHash);
    }
}
