package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.List;
import java.util.Locale;

/**
 * Whether a profile's proxy is tested before it is kept, and what to try when it fails.
 *
 * @param fallback tried in order when {@code mode} is REQUIRED and the profile's own proxy fails; may hold direct
 */
public record Verification(Mode mode, List<UpdateProxy> fallback) {
    public static final Verification OFF = new Verification(Mode.OFF, List.of());

    public enum Mode {
        /** Trust the proxy (the default). */
        OFF,
        /** Write it anyway, and warn when Windows Update would not get through. */
        WARN,
        /** Write only a proxy that gets through: the profile's own, else the first fallback that does. */
        REQUIRED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode fromWord(String word) {
            for (Mode mode : values()) {
                if (mode.word().equals(word)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown verify mode \"" + word + "\"; use off, warn or required");
        }
    }

    public Verification {
        fallback = List.copyOf(fallback);
        if (mode != Mode.REQUIRED && !fallback.isEmpty()) {
            throw new IllegalArgumentException("`fallback` is tried only when a proxy fails verification; add verify = required, or remove it");
        }
    }
}
