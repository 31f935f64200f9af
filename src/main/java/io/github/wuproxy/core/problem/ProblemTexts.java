package io.github.wuproxy.core.problem;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What a problem says to people, from its code, in their language ({@code core/problem/problems*.properties}):
 * the tray and {@code wuproxy status} render these. The problem's own {@link Problem#text()}, with the values
 * and the reason, stays the language-neutral form for the log, {@code --json} and {@code diagnose}.
 */
public final class ProblemTexts {
    static final String BUNDLE = "io.github.wuproxy.core.problem.problems";

    private ProblemTexts() {}

    /** One line: what failed and the code, like "Another program changed the WinHTTP proxy (WUP500)". */
    public static String headline(ProblemCode code, Locale locale) {
        return text(locale, "line").replace("{0}", text(locale, code.id() + ".headline")).replace("{1}", code.id());
    }

    /** What the user can do about it, one or two sentences. */
    public static String whatToDo(ProblemCode code, Locale locale) {
        return text(locale, code.id() + ".todo");
    }

    private static String text(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key + " in " + BUNDLE, e);
        }
    }
}
