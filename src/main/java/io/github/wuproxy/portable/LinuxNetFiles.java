package io.github.wuproxy.portable;

import io.github.wuproxy.core.location.Gateway;
import io.github.wuproxy.core.location.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Parsers of the Linux files the portable source reads: /proc/net/route, ipv6_route, arp, and resolv.conf. */
public final class LinuxNetFiles {
    private LinuxNetFiles() {}

    /** Default gateways per interface from /proc/net/route (little-endian hex IPv4 addresses). */
    public static Map<String, List<IpAddress>> ipv4Gateways(String routeTable) {
        Map<String, List<IpAddress>> result = new LinkedHashMap<>();
        for (String line : routeTable.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface") || !f[1].equals("00000000") || !f[7].equals("00000000")) {
                continue;
            }
            try {
                long raw = Long.parseLong(f[2], 16);
                if (raw == 0) {
                    continue;
                }
                byte[] bytes = {(byte) raw, (byte) (raw >> 8), (byte) (raw >> 16), (byte) (raw >> 24)};
                result.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new IpAddress(bytes));
            } catch (NumberFormatException e) {
                // A line the kernel did not write; skip it.
            }
        }
        return result;
    }

    /** Default gateways per interface from /proc/net/ipv6_route (destination ::/0, non-zero next hop). */
    public static Map<String, List<IpAddress>> ipv6Gateways(String routeTable) {
        Map<String, List<IpAddress>> result = new LinkedHashMap<>();
        for (String line : routeTable.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].equals("0".repeat(32)) || !f[1].equals("00") || f[4].equals("0".repeat(32))) {
                continue;
            }
            try {
                result.computeIfAbsent(f[9], k -> new ArrayList<>()).add(new IpAddress(java.util.HexFormat.of().parseHex(f[4])));
            } catch (IllegalArgumentException e) {
                // Not a route line.
            }
        }
        return result;
    }

    /** Hardware addresses of neighbours from /proc/net/arp: IP to {@code aa-bb-cc-dd-ee-ff}. */
    public static Map<IpAddress, String> arp(String table) {
        Map<IpAddress, String> result = new HashMap<>();
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || f[0].equals("IP") || f[3].equals("00:00:00:00:00:00")) {
                continue;
            }
            try {
                result.put(IpAddress.parse(f[0]), Gateway.normaliseMac(f[3]));
            } catch (IllegalArgumentException e) {
                // Incomplete entry.
            }
        }
        return result;
    }

    /** Name servers and the first search domain of resolv.conf. */
    public record Resolver(List<IpAddress> nameservers, Optional<String> searchDomain) {}

    public static Resolver resolvConf(String text) {
        List<IpAddress> servers = new ArrayList<>();
        Optional<String> domain = Optional.empty();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length >= 2 && f[0].equals("nameserver")) {
                try {
                    servers.add(IpAddress.parse(f[1]));
                } catch (IllegalArgumentException e) {
                    // Not an address; resolv.conf(5) says to ignore it.
                }
            } else if (f.length >= 2 && (f[0].equals("search") || f[0].equals("domain")) && domain.isEmpty()) {
                domain = Optional.of(f[1].toLowerCase(Locale.ROOT));
            }
        }
        return new Resolver(servers, domain);
    }
}
