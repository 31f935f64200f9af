package io.github.wuproxy.port;

import java.util.Set;

/**
 * The active probes that some profile's rules need, so a source runs only those.
 *
 * @param hostsToResolve names for {@code resolves}
 * @param addressesToReverse literal addresses for {@code reverse-dns}
 * @param endpoints {@code host:port} for {@code reachable}
 * @param beaconUrls HTTPS URLs for {@code https-beacon}
 */
public record ProbeRequest(Set<String> hostsToResolve, Set<String> addressesToReverse, Set<String> endpoints, Set<String> beaconUrls) {
    public static final ProbeRequest NONE = new ProbeRequest(Set.of(), Set.of(), Set.of(), Set.of());

    public ProbeRequest {
        hostsToResolve = Set.copyOf(hostsToResolve);
        addressesToReverse = Set.copyOf(addressesToReverse);
        endpoints = Set.copyOf(endpoints);
        beaconUrls = Set.copyOf(beaconUrls);
    }
}
