package io.github.wuproxy.core.location;

import java.util.Locale;

/** The kind of a network interface, as far as profile rules care. */
public enum LinkKind {
    ETHERNET("Ethernet"),
    WIFI("Wi-Fi"),
    VPN("VPN"),
    CELLULAR("cellular"),
    OTHER("other");

    private final String label;

    LinkKind(String label) {
        this.label = label;
    }

    /** The word used in profiles and JSON: {@code ethernet}, {@code wifi}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a user reads it: {@code Wi-Fi}. */
    public String label() {
        return label;
    }

    public static LinkKind fromWord(String word) {
        for (var kind : values()) {
            if (kind.word().equalsIgnoreCase(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown interface kind \"" + word + "\"; use one of ethernet, wifi, vpn, cellular, other");
    }
}
