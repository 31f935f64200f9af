package io.github.wuproxy.core.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A checked set of profiles with distinct names and a fallback that exists. */
public final class ProfileSet {
    private final Map<String, Profile> byName = new LinkedHashMap<>();
    private final Profile fallback;

    public ProfileSet(List<Profile> profiles, String fallbackName) {
        for (Profile profile : profiles) {
            Profile earlier = byName.putIfAbsent(profile.name(), profile);
            if (earlier != null) {
                throw new IllegalArgumentException("two profiles are named " + profile.name() + ": "
                        + earlier.position() + " and " + profile.position());
            }
        }
        fallback = byName.get(fallbackName);
        if (fallback == null) {
            throw new IllegalArgumentException("the fallback profile \"" + fallbackName + "\" does not exist; profiles are "
                    + String.join(", ", byName.keySet()));
        }
    }

    public List<Profile> all() {
        return List.copyOf(byName.values());
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Profile fallback() {
        return fallback;
    }
}
