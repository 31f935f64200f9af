package io.github.wuproxy.core.profile;

import java.util.Locale;

/** Which of the three kinds of PC a profile is for, or a custom one; picks the tray icon. */
public enum ProfileKind {
    CORPORATE,
    DIRECT,
    MOBILE,
    CUSTOM;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProfileKind fromWord(String word) {
        for (var kind : values()) {
            if (kind.word().equalsIgnoreCase(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind \"" + word + "\"; use one of corporate, direct, mobile, custom");
    }
}
