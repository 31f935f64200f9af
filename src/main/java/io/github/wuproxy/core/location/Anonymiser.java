package io.github.wuproxy.core.location;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replaces the names in a recorded location (DNS suffixes, host names, SSIDs, network names) with
 * stable pseudonyms such as {@code n-3fa2c1.example}, so a recording can be shared. The same name
 * always gets the same pseudonym; addresses stay, as rules about subnets need them.
 */
public final class Anonymiser {
    private Anonymiser() {}

    public static NetworkLocation anonymise(NetworkLocation location) {
        List<NetworkLink> links = new ArrayList<>();
        for (NetworkLink link : location.links()) {
            links.add(new NetworkLink(link.name(), link.kind(), name(link.dnsSuffix()), link.addresses(), link.gateways(),
                    link.dnsServers(), link.ssid().map(Anonymiser::label)));
        }
        ProbeResults p = location.probes();
        Map<String, List<IpAddress>> dns = new LinkedHashMap<>();
        p.dns().forEach((host, addresses) -> dns.put(name(host), addresses));
        Map<String, String> reverse = new LinkedHashMap<>();
        p.reverseDns().forEach((address, host) -> reverse.put(address, name(host)));
        Set<String> reachable = new TreeSet<>();
        p.reachable().forEach(endpoint -> reachable.add(endpoint(endpoint)));
        Map<String, String> beacons = new LinkedHashMap<>();
        p.beacons().forEach((url, sha) -> beacons.put(url(url), sha));
        Map<String, String> pac = new LinkedHashMap<>();
        p.pac().forEach((url, answer) -> pac.put(url(url), pacAnswer(answer)));
        return new NetworkLocation(label(location.name()), links, location.category(), name(location.networkName()),
                new ProbeResults(dns, reverse, reachable, beacons, pac), location.captivePortal());
    }

    private static String pacAnswer(String answer) {
        List<String> entries = new ArrayList<>();
        for (String entry : answer.split(";")) {
            String[] parts = entry.strip().split("\\s+", 2);
            entries.add(parts.length == 2 ? parts[0] + " " + endpoint(parts[1].contains(":") ? parts[1] : parts[1] + ":80") : entry.strip());
        }
        return String.join("; ", entries);
    }

    /** A DNS name or a free-form name; empty and literal addresses stay as they are. */
    static String name(String text) {
        if (text == null || text.isEmpty() || IpAddress.isLiteral(text)) {
            return text;
        }
        return "n-" + hash(text.toLowerCase(Locale.ROOT)) + ".example";
    }

    private static String label(String text) {
        return text.isEmpty() ? text : "s-" + hash(text);
    }

    private static String endpoint(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        return name(endpoint.substring(0, colon)) + endpoint.substring(colon);
    }

    private static String url(String url) {
        int start = url.indexOf("://") + 3;
        int end = start;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != ':' && url.charAt(end) != '?') {
            end++;
        }
        return url.substring(0, start) + name(url.substring(start, end)) + (end < url.length() ? url.substring(end).replaceAll("\\?.*", "") : "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
