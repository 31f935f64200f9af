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

    // written out: a record's own go through method handles the JVM spins at run time (about 40 classes in the idle service)
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ProbeRequest r && hostsToResolve.equals(r.hostsToResolve)
                && addressesToReverse.equals(r.addressesToReverse) && endpoints.equals(r.endpoints) && beaconUrls.equals(r.beaconUrls);
    }

    @Override
    public int hashCode() {
        return ((hostsToResolve.hashCode() * 31 + addressesToReverse.hashCode()) * 31 + endpoints.hashCode()) * 31 + beaconUrls.hashCode();
    }
}
