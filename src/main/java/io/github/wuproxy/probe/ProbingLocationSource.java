package io.github.wuproxy.probe;

import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.location.ProbeResults;
import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.port.SourceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staged signals: the passive snapshot first, then only the active probes the rules need, with
 * their results cached per location fingerprint (never behind a captive portal).
 */
public final class ProbingLocationSource implements NetworkLocationSource {
    private static final int CACHED_LOCATIONS = 16;
    private final NetworkLocationSource passive;
    private final ActiveProbes probes;
    private final CaptivePortalCheck portal;
    /** Results are good for one location and one set of probes. */
    private record Key(LocationFingerprint location, ProbeRequest probes) {
        @Override
        public boolean equals(Object other) { // written out, as ProbeRequest's
            return other instanceof Key k && location.equals(k.location) && probes.equals(k.probes);
        }

        @Override
        public int hashCode() {
            return location.hashCode() * 31 + probes.hashCode();
        }
    }

    private final Map<Key, ProbeResults> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ProbeResults> eldest) {
            return size() > CACHED_LOCATIONS;
        }
    };

    public ProbingLocationSource(NetworkLocationSource passive, ActiveProbes probes, CaptivePortalCheck portal) {
        this.passive = passive;
        this.probes = probes;
        this.portal = portal;
    }

    @Override
    public synchronized NetworkLocation current(ProbeRequest request) throws SourceException {
        NetworkLocation location = passive.current(ProbeRequest.NONE);
        if (location.isOffline()) {
            return location;
        }
        if (portal.isCaptive()) {
            cache.clear();
            return location.withCaptivePortal(true);
        }
        Key key = new Key(location.fingerprint(), request);
        ProbeResults results = cache.get(key);
        if (results == null) {
            results = request.equals(ProbeRequest.NONE) ? ProbeResults.NONE : probes.run(request);
            cache.put(key, results);
        }
        return location.withProbes(results);
    }

    /** Forgets cached answers: after a resume, or when told the network changed underneath. */
    public synchronized void forget() {
        cache.clear();
    }

    @Override
    public void start(Runnable onChange) throws SourceException {
        passive.start(() -> {
            forget();
            onChange.run();
        });
    }

    @Override
    public void stop() {
        passive.stop();
    }
}
