package io.github.wuproxy.cli;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The CLI's words for people, in the user's display language (English, or Japanese), from
 * {@code cli/texts*.properties}. Machine-readable output (--json, simulate lines, codes) never comes from here.
 */
public final class Texts {
    static final String BUNDLE = "io.github.wuproxy.cli.texts";

    private Texts() {}

    /** The language people read: the display locale ({@code -Duser.language=ja} sets it). */
    public static Locale locale() {
        return Locale.getDefault(Locale.Category.DISPLAY);
    }

    static ResourceBundle bundle(Locale locale) {
        return bundle(locale, BUNDLE);
    }

    static ResourceBundle bundle(Locale locale, String name) {
        return ResourceBundle.getBundle(name, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for {@code key} with {0}, {1}... replaced by {@code args} in order (no MessageFormat quoting). */
    public static String get(String key, Object... args) {
        return format(bundle(locale()), key, args);
    }

    /** The text for {@code key}, or empty when the bundle has none. */
    public static java.util.Optional<String> find(String key, Object... args) {
        ResourceBundle bundle = bundle(locale());
        return bundle.containsKey(key) ? java.util.Optional.of(format(bundle, key, args)) : java.util.Optional.empty();
    }

    static String format(ResourceBundle bundle, String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key + " in " + BUNDLE, e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** Why a file could not be read or written, in words: Java's own message is often the bare path ("day.jsonl") or "Input length = 1". */
    public static String why(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return get("file.missing");
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return get("file.denied");
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return get("file.notText");
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return get("file.isFolder");
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return get("file.notFolder");
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
