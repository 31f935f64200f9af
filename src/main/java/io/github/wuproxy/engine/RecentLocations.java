package io.github.wuproxy.engine;

import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.location.NetworkLocation;

/**
 * The fingerprint (a SHA-256) and the description of the last few locations read, by the location
 * object: a snapshot is immutable, and a laptop goes back and forth between a few places, each read
 * again at every round there.
 */
final class RecentLocations {
    private static final int REMEMBERED = 16;

    private record Known(NetworkLocation location, LocationFingerprint fingerprint, String description) {}

    private final Known[] known = new Known[REMEMBERED];
    private int nextSlot;

    LocationFingerprint fingerprint(NetworkLocation location) {
        return of(location).fingerprint;
    }

    String describe(NetworkLocation location) {
        return of(location).description;
    }

    private Known of(NetworkLocation location) {
        for (Known k : known) {
            if (k != null && k.location == location) {
                return k;
            }
        }
        Known k = new Known(location, location.fingerprint(), location.describe());
        known[nextSlot] = k;
        nextSlot = (nextSlot + 1) % REMEMBERED;
        return k;
    }
}
