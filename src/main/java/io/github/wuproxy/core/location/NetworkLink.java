package io.github.wuproxy.core.location;

import java.util.List;
import java.util.Optional;

/**
 * One active network interface as a profile rule sees it.
 *
 * @param name the interface's friendly name ("Ethernet", "Wi-Fi", "Corp VPN")
 * @param dnsSuffix the connection-specific DNS suffix, empty when there is none
 * @param ssid the Wi-Fi network name, empty when not Wi-Fi or when Windows does not tell
 */
public record NetworkLink(
        String name,
        LinkKind kind,
        String dnsSuffix,
        List<HostAddress> addresses,
        List<Gateway> gateways,
        List<IpAddress> dnsServers,
        Optional<String> ssid) {

    public NetworkLink {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an interface needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("interface " + name + " needs a kind");
        }
        dnsSuffix = dnsSuffix == null ? "" : dnsSuffix.strip();
        addresses = List.copyOf(addresses);
        gateways = List.copyOf(gateways);
        dnsServers = List.copyOf(dnsServers);
        ssid = ssid == null ? Optional.empty() : ssid.filter(s -> !s.isEmpty());
    }
}
