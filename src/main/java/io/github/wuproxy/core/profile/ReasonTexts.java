package io.github.wuproxy.core.profile;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@link Reason} says to people, from its kind, in their language ({@code core/profile/reasons*.properties}):
 * the tray and {@code wuproxy status} render these; {@link Reason#english()} stays the log's and the machine output's.
 */
public final class ReasonTexts {
    static final String BUNDLE = "io.github.wuproxy.core.profile.reasons";

    private static final Pattern PLACE = Pattern.compile("\\{(\\d)\\}");

    private ReasonTexts() {}

    /** The reason in {@code locale}'s words, with its values as they are. */
    public static String render(Reason reason, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        List<Verdict.Phrase> phrases = reason.phrases();
        if (!phrases.isEmpty()) {
            StringBuilder words = new StringBuilder();
            for (Verdict.Phrase phrase : phrases) {
                if (words.length() > 0) {
                    words.append(text(bundle, "phrase.and"));
                }
                words.append(fill(text(bundle, "phrase." + phrase.key()), phrase.args()));
            }
            return fill(text(bundle, "rule"), List.of(words.toString()));
        }
        return fill(text(bundle, reason.kind().name().toLowerCase(Locale.ROOT)), reason.values());
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key + " in " + BUNDLE, e);
        }
    }

    /** One pass: a value that holds "{1}" stays as it is. */
    private static String fill(String text, List<String> values) {
        return PLACE.matcher(text).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return Matcher.quoteReplacement(i < values.size() ? values.get(i) : m.group());
        });
    }
}
