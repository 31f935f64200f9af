package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.location.Cidr;
import io.github.wuproxy.core.location.Gateway;
import io.github.wuproxy.core.location.HostAddress;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One test in a {@code when} block. A condition given a list holds when any value matches. Each
 * kind is named by the key it has in a profile ({@code dns-suffix}, {@code subnet}, ...).
 */
public sealed interface Condition {

    /** The profile key of this kind of condition. */
    String key();

    Verdict test(Situation situation);

    /** The values, as the profile wrote them, for messages. */
    List<String> values();

    record DnsSuffix(List<String> suffixes) implements Condition {
        public String key() { return "dns-suffix"; }
        public List<String> values() { return suffixes; }
        public Verdict test(Situation s) {
            return anyLink(s.location(), key(), suffixes,
                    (link, suffix) -> !link.dnsSuffix().isEmpty() && Glob.matchesDomain(suffix, link.dnsSuffix())
                            ? link.dnsSuffix() : null);
        }
    }

    record DnsServer(List<Cidr> blocks) implements Condition {
        public String key() { return "dns-server"; }
        public List<String> values() { return strings(blocks); }
        public Verdict test(Situation s) {
            return anyLink(s.location(), key(), blocks, (link, block) -> first(link.dnsServers(), block::contains));
        }
    }

    record GatewayIs(List<Cidr> blocks) implements Condition {
        public String key() { return "gateway"; }
        public List<String> values() { return strings(blocks); }
        public Verdict test(Situation s) {
            return anyLink(s.location(), key(), blocks,
                    (link, block) -> first(link.gateways().stream().map(Gateway::ip).toList(), block::contains));
        }
    }

    record GatewayMac(List<String> macs) implements Condition {
        public GatewayMac {
            macs = macs.stream().map(Gateway::normaliseMac).toList();
        }
        public String key() { return "gateway-mac"; }
        public List<String> values() { return macs; }
        public Verdict test(Situation s) {
            return anyLink(s.location(), key(), macs, (link, mac) -> link.gateways().stream()
                    .filter(g -> g.mac().filter(mac::equals).isPresent())
                    .findFirst().map(Gateway::toString).orElse(null));
        }
    }

    record Subnet(List<Cidr> blocks) implements Condition {
        public String key() { return "subnet"; }
        public List<String> values() { return strings(blocks); }
        public Verdict test(Situation s) {
            return anyLink(s.location(), key(), blocks, (link, block) -> link.addresses().stream()
                    .map(HostAddress::address).filter(block::contains)
                    .findFirst().map(a -> a + " in " + block).orElse(null));
        }
    }

    record Ssid(List<String> patterns) implements Condition {
        public String key() { return "ssid"; }
        public List<String> values() { return patterns; }
        public Verdict test(Situation s) {
            return anyLink(s.location(), key(), patterns,
                    (link, p) -> link.ssid().filter(ssid -> Glob.matches(p, ssid)).orElse(null));
        }
    }

    record InterfaceKind(List<LinkKind> kinds) implements Condition {
        public String key() { return "interface-kind"; }
        public List<String> values() { return kinds.stream().map(LinkKind::word).toList(); }
        public Verdict test(Situation s) {
            for (NetworkLink link : s.location().links()) {
                if (kinds.contains(link.kind())) {
                    return Verdict.yesAsIs(key() + " " + link.kind().word() + " (" + link.name() + ")");
                }
            }
            return Verdict.no("no interface is " + String.join(" or ", values()));
        }
    }

    record Category(List<NetworkCategory> categories) implements Condition {
        public String key() { return "network-category"; }
        public List<String> values() { return categories.stream().map(NetworkCategory::word).toList(); }
        public Verdict test(Situation s) {
            NetworkLocation l = s.location();
            String where = l.networkName().isEmpty() ? "" : " (" + l.networkName() + ")";
            return categories.contains(l.category())
                    ? Verdict.yesAsIs(key() + " " + l.category().word() + where)
                    : Verdict.no(key() + " is " + l.category().word() + where + ", not " + String.join(" or ", values()));
        }
    }

    record NetworkName(List<String> patterns) implements Condition {
        public String key() { return "network-name"; }
        public List<String> values() { return patterns; }
        public Verdict test(Situation s) {
            String name = s.location().networkName();
            for (String p : patterns) {
                if (!name.isEmpty() && Glob.matches(p, name)) {
                    return Verdict.yesAsIs(key() + " " + name);
                }
            }
            return Verdict.no(key() + " is " + (name.isEmpty() ? "unknown" : name) + ", not " + String.join(" or ", patterns));
        }
    }

    record UserProxy(List<UserProxySettings.Mode> modes) implements Condition {
        public String key() { return "user-proxy"; }
        public List<String> values() { return modes.stream().map(UserProxySettings.Mode::word).toList(); }
        public Verdict test(Situation s) {
            if (s.userProxy().isEmpty()) {
                return Verdict.no("the user's own proxy settings are not known");
            }
            UserProxySettings.Mode mode = s.userProxy().get().mode();
            return modes.contains(mode)
                    ? Verdict.yes("the user's own proxy is " + mode.word(), "user-proxy", mode.word())
                    : Verdict.no("the user's own proxy is " + mode.word() + ", not " + String.join(" or ", values()));
        }
    }

    /** Name {@code host} resolves to an address in one of {@code to}. */
    record Resolution(String host, List<Cidr> to) {
        public Resolution {
            host = Hosts.checkName(host);
            to = List.copyOf(to);
            if (to.isEmpty()) {
                throw new IllegalArgumentException("resolves: `to` needs at least one address block for " + host);
            }
        }
    }

    record Resolves(List<Resolution> lookups) implements Condition {
        public String key() { return "resolves"; }
        public List<String> values() { return lookups.stream().map(r -> r.host() + " to " + r.to()).toList(); }
        public Verdict test(Situation s) {
            List<String> misses = new java.util.ArrayList<>();
            for (Resolution r : lookups) {
                List<IpAddress> answer = s.location().probes().dns().get(r.host());
                if (answer == null) {
                    misses.add(r.host() + " did not resolve (no answer, or the probe timed out)");
                    continue;
                }
                for (IpAddress address : answer) {
                    for (Cidr block : r.to()) {
                        if (block.contains(address)) {
                            return Verdict.yes(r.host() + " resolves to " + address + " (in " + block + ")", "resolves", r.host(), String.valueOf(address), String.valueOf(block));
                        }
                    }
                }
                misses.add(r.host() + " resolves to " + strings(answer) + ", outside " + strings(r.to()));
            }
            return Verdict.no(String.join("; ", misses));
        }
    }

    /** A reverse lookup of {@code address} gives a name matching {@code name}. */
    record ReverseLookup(IpAddress address, String name) {}

    record ReverseDns(List<ReverseLookup> lookups) implements Condition {
        public String key() { return "reverse-dns"; }
        public List<String> values() { return lookups.stream().map(r -> r.address() + " is " + r.name()).toList(); }
        public Verdict test(Situation s) {
            List<String> misses = new java.util.ArrayList<>();
            for (ReverseLookup r : lookups) {
                String found = s.location().probes().reverseDns().get(r.address().toString());
                if (found != null && Glob.matches(r.name(), found)) {
                    return Verdict.yes("reverse-dns " + r.address() + " is " + found, "reverse-dns", String.valueOf(r.address()), String.valueOf(found));
                }
                misses.add(found == null
                        ? "reverse-dns of " + r.address() + " gave no name (or the probe timed out)"
                        : "reverse-dns of " + r.address() + " is " + found + ", not " + r.name());
            }
            return Verdict.no(String.join("; ", misses));
        }
    }

    /** A TCP connection to one of {@code endpoints} ({@code host:port}) succeeds. */
    record Reachable(List<String> endpoints) implements Condition {
        public Reachable {
            endpoints = endpoints.stream().map(Hosts::checkEndpoint).toList();
        }
        public String key() { return "reachable"; }
        public List<String> values() { return endpoints; }
        public Verdict test(Situation s) {
            for (String endpoint : endpoints) {
                if (s.location().probes().reachable().contains(endpoint)) {
                    return Verdict.yes(endpoint + " is reachable", "reachable", String.valueOf(endpoint));
                }
            }
            return Verdict.no(String.join(" or ", endpoints) + " not reachable (refused, or the probe timed out)");
        }
    }

    /** The HTTPS server at {@code url} presents the certificate whose SHA-256 is {@code sha256}. */
    record Beacon(String url, String sha256) {
        public Beacon {
            if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("https://")) {
                throw new IllegalArgumentException("https-beacon: url must start with https://, found \"" + url + "\"");
            }
            String hex = sha256 == null ? "" : sha256.replace(":", "").strip().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("https-beacon: sha256 must be 64 hex digits (colons allowed), found \""
                        + sha256 + "\"");
            }
            sha256 = hex;
        }
    }

    record HttpsBeacon(List<Beacon> beacons) implements Condition {
        public String key() { return "https-beacon"; }
        public List<String> values() { return beacons.stream().map(Beacon::url).toList(); }
        public Verdict test(Situation s) {
            List<String> misses = new java.util.ArrayList<>();
            for (Beacon b : beacons) {
                String seen = s.location().probes().beacons().get(b.url());
                if (b.sha256().equals(seen)) {
                    return Verdict.yes("https-beacon " + b.url() + " presents the expected certificate", "https-beacon", String.valueOf(b.url()));
                }
                misses.add(seen == null
                        ? "https-beacon " + b.url() + " did not answer (or the probe timed out)"
                        : "https-beacon " + b.url() + " presents another certificate");
            }
            return Verdict.no(String.join("; ", misses));
        }
    }

    /** Holds when not all of its conditions hold. */
    record Not(List<Condition> conditions) implements Condition {
        public Not {
            conditions = List.copyOf(conditions);
        }
        public String key() { return "not"; }
        public List<String> values() {
            return conditions.stream().map(c -> c.key() + " " + String.join("|", c.values())).toList();
        }
        public Verdict test(Situation s) {
            Verdict inner = MatchRule.allOf(conditions, s);
            return inner.holds() ? Verdict.no("not (" + inner.why() + ") fails") : Verdict.yesAsIs("not: " + inner.why());
        }
    }

    /** A single-valued condition holds on the first interface that yields evidence. */
    interface LinkTest<T> {
        String evidence(NetworkLink link, T value);
    }

    private static <T> Verdict anyLink(NetworkLocation location, String key, List<T> values, LinkTest<T> test) {
        for (T value : values) {
            for (NetworkLink link : location.links()) {
                String evidence = test.evidence(link, value);
                if (evidence != null) {
                    return Verdict.yes(key + " " + evidence + " on " + link.name(), "on-link", key, evidence, link.name());
                }
            }
        }
        return Verdict.no("no " + key + " " + values.stream().map(Object::toString).collect(Collectors.joining(" or ")));
    }

    private static String first(List<IpAddress> addresses, java.util.function.Predicate<IpAddress> test) {
        return addresses.stream().filter(test).findFirst().map(IpAddress::toString).orElse(null);
    }

    static <T> List<String> strings(List<T> items) {
        return items.stream().map(Object::toString).toList();
    }
}
