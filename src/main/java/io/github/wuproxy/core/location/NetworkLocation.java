package io.github.wuproxy.core.location;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A snapshot of where the laptop is: its active interfaces, what Windows says of the network, and
 * what active probes found there. No interfaces means offline.
 *
 * @param name a label for people and logs (from a recording, or empty)
 * @param networkName the network's name as Windows shows it (for Wi-Fi usually the SSID), or empty
 * @param captivePortal the network holds traffic behind a sign-in page
 */
public record NetworkLocation(
        String name, List<NetworkLink> links, NetworkCategory category, String networkName, ProbeResults probes,
        boolean captivePortal) {

    public NetworkLocation(String name, List<NetworkLink> links, NetworkCategory category, String networkName, ProbeResults probes) {
        this(name, links, category, networkName, probes, false);
    }

    public NetworkLocation {
        name = name == null ? "" : name;
        links = List.copyOf(links);
        category = category == null ? NetworkCategory.UNKNOWN : category;
        networkName = networkName == null ? "" : networkName;
        probes = probes == null ? ProbeResults.NONE : probes;
    }

    private static final NetworkLocation OFFLINE = new NetworkLocation("offline", List.of(), NetworkCategory.UNKNOWN, "", ProbeResults.NONE);

    /** Offline: one object, so what is worked out for a location object holds for every offline moment. */
    public static NetworkLocation offline() {
        return OFFLINE;
    }

    public boolean isOffline() {
        return links.isEmpty();
    }

    public NetworkLocation withProbes(ProbeResults results) {
        return new NetworkLocation(name, links, category, networkName, results, captivePortal);
    }

    public NetworkLocation withCaptivePortal(boolean captive) {
        return new NetworkLocation(name, links, category, networkName, captive ? ProbeResults.NONE : probes, captive);
    }

    public LocationFingerprint fingerprint() {
        return LocationFingerprint.of(this);
    }

    /** The signals a user would recognise, for "no profile matches" messages: DNS suffix, gateway, SSID. */
    public String describe() {
        if (isOffline()) {
            return "offline";
        }
        List<String> parts = new ArrayList<>();
        for (NetworkLink link : links) {
            List<String> facts = new ArrayList<>();
            if (!link.dnsSuffix().isEmpty()) {
                facts.add("DNS suffix " + link.dnsSuffix());
            }
            link.ssid().ifPresent(ssid -> facts.add("SSID " + ssid));
            if (!link.gateways().isEmpty()) {
                facts.add("gateway " + link.gateways().stream()
                        .map(g -> g.ip().toString())
                        .collect(Collectors.joining(", ")));
            }
            if (link.gateways().isEmpty() || facts.isEmpty()) {
                List<HostAddress> shown = shownAddresses(link.addresses());
                if (!shown.isEmpty()) {
                    facts.add("address " + shown.stream().map(HostAddress::toString).collect(Collectors.joining(", ")));
                }
            }
            String label = link.name().equalsIgnoreCase(link.kind().label())
                    ? link.name() : link.kind().label() + " " + link.name();
            parts.add(label + (facts.isEmpty() ? "" : ": " + String.join(", ", facts)));
        }
        if (category != NetworkCategory.UNKNOWN) {
            parts.add("category " + category.word());
        }
        return String.join("; ", parts);
    }

    /** IPv4 first, then global IPv6; a link-local {@code fe80::} address only when there is nothing else. */
    private static List<HostAddress> shownAddresses(List<HostAddress> addresses) {
        List<HostAddress> v4 = addresses.stream().filter(a -> a.address().isV4()).toList();
        List<HostAddress> global = addresses.stream()
                .filter(a -> !a.address().isV4() && (a.address().bytes()[0] & 0xff) != 0xfe).toList();
        List<HostAddress> shown = new ArrayList<>(v4);
        shown.addAll(global);
        return shown.isEmpty() ? addresses.stream().limit(1).toList() : shown;
    }
}
