package io.github.wuproxy.core.location;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What active probes found on a network: name lookups, reverse lookups, TCP reachability, HTTPS
 * beacon certificates, and PAC answers. A probe that was not run, or timed out, is absent.
 *
 * @param dns host name to the addresses it resolved to
 * @param reverseDns address to the name its reverse lookup gave
 * @param reachable {@code host:port} pairs that accepted a TCP connection
 * @param beacons HTTPS URL to the SHA-256 (lower-case hex) of the certificate it presented
 * @param pac PAC URL to the result its FindProxyForURL gives for Windows Update hosts
 */
public record ProbeResults(
        Map<String, List<IpAddress>> dns,
        Map<String, String> reverseDns,
        Set<String> reachable,
        Map<String, String> beacons,
        Map<String, String> pac) {

    public static final ProbeResults NONE = new ProbeResults(Map.of(), Map.of(), Set.of(), Map.of(), Map.of());

    public ProbeResults {
        dns = sortedCopy(dns);
        reverseDns = sortedCopy(reverseDns);
        reachable = new TreeSet<>(reachable);
        beacons = sortedCopy(beacons);
        pac = sortedCopy(pac);
    }

    private static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    public boolean isEmpty() {
        return dns.isEmpty() && reverseDns.isEmpty() && reachable.isEmpty() && beacons.isEmpty() && pac.isEmpty();
    }
}
