package io.github.wuproxy.core.profile;

import java.util.Locale;

/** Case-insensitive patterns where {@code *} stands for any run of characters. */
final class Glob {
    private Glob() {}

    static boolean matches(String pattern, String text) {
        return matches(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean matches(String p, int pi, String t, int ti) {
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && p.charAt(pi) == t.charAt(ti)) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** A DNS suffix pattern holds for the suffix itself and for any longer suffix ending in it. */
    static boolean matchesDomain(String pattern, String domain) {
        String bare = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        return matches(pattern, bare) || matches("*." + pattern, bare);
    }
}
