package io.github.wuproxy.core.location;

import java.util.Locale;

/** The category Windows gives a connected network (Network List Manager); UNKNOWN elsewhere. */
public enum NetworkCategory {
    DOMAIN_AUTHENTICATED,
    PRIVATE,
    PUBLIC,
    UNKNOWN;

    /** The word used in profiles and JSON: {@code domain-authenticated}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static NetworkCategory fromWord(String word) {
        for (var category : values()) {
            if (category.word().equalsIgnoreCase(word)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown network category \"" + word
                + "\"; use one of domain-authenticated, private, public, unknown");
    }
}
