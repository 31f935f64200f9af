package io.github.wuproxy.engine;

import io.github.wuproxy.core.profile.Condition;
import io.github.wuproxy.core.profile.MatchRule;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.port.ProbeRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The active probes some profile's rules need; nothing else is probed. */
public final class ProbeRequests {
    private ProbeRequests() {}

    public static ProbeRequest of(ProfileSet profiles) {
        Set<String> hosts = new HashSet<>();
        Set<String> reverse = new HashSet<>();
        Set<String> endpoints = new HashSet<>();
        Set<String> beacons = new HashSet<>();
        for (Profile profile : profiles.all()) {
            for (MatchRule rule : profile.when()) {
                collect(rule.conditions(), hosts, reverse, endpoints, beacons);
            }
        }
        return new ProbeRequest(hosts, reverse, endpoints, beacons);
    }

    private static void collect(List<Condition> conditions, Set<String> hosts, Set<String> reverse, Set<String> endpoints,
            Set<String> beacons) {
        for (Condition condition : conditions) {
            if (condition instanceof Condition.Resolves r) {
                r.lookups().forEach(l -> hosts.add(l.host()));
            } else if (condition instanceof Condition.ReverseDns r) {
                r.lookups().forEach(l -> reverse.add(l.address().toString()));
            } else if (condition instanceof Condition.Reachable r) {
                endpoints.addAll(r.endpoints());
            } else if (condition instanceof Condition.HttpsBeacon b) {
                b.beacons().forEach(x -> beacons.add(x.url()));
            } else if (condition instanceof Condition.Not not) {
                collect(not.conditions(), hosts, reverse, endpoints, beacons);
            }
        }
    }
}
