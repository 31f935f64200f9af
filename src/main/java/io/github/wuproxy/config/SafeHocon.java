package io.github.wuproxy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads one HOCON file the service trusts with the machine's proxy: a regular file (never through a
 * link), at most {@link #MAX_BYTES}, nested at most {@link #MAX_DEPTH} deep, with no {@code include}
 * of any form anywhere and no {@code ${...}} read from the service's environment. Every refusal is a
 * problem with the file and line; nothing is ever fetched.
 */
final class SafeHocon {
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_DEPTH = 32;
    static final String INCLUDE_REFUSED = "`include` is not supported here; put everything in this one file";

    private SafeHocon() {}

    /** The parsed, resolved file, or empty with the reason in {@code problems}. */
    static Optional<Config> parse(Path file, Problems problems) {
        String text;
        try {
            text = read(file);
        } catch (IOException e) {
            problems.addAtFile("cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        Optional<String> refused = Shape.check(text);
        if (refused.isPresent()) {
            String[] at = refused.get().split(":", 2);
            problems.add(ConfigOriginFactory.newFile(file.toString()).withLineNumber(Integer.parseInt(at[0])), at[1]);
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF)
                    .setOriginDescription(file.toString()).setIncluder(NO_INCLUDES)).resolve(ConfigResolveOptions.noSystem()));
        } catch (ConfigException e) {
            problems.add(e.origin(), ConfigErrors.describe(e));
            return Optional.empty();
        } catch (StackOverflowError e) { // the shape check keeps nesting shallow; this is the last guard
            problems.addAtFile("the file is nested too deeply to read");
            return Optional.empty();
        } catch (RuntimeException e) { // the parser's own slips (a fuzzed \\u-202 once threw IllegalArgumentException)
            problems.addAtFile("the file is not valid HOCON: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new IOException("it is a symbolic link; put the file itself here");
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("it is not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException(tooBig(attributes.size()));
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(tooBig(bytes.length));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String tooBig(long size) {
        return "it is " + size + " bytes; at most " + MAX_BYTES + " are read (a profile is a few hundred bytes)";
    }

    /** Refuses every include the parser might still meet (the shape check finds them first, with their line). */
    private static final ConfigIncluder NO_INCLUDES = new RefusingIncluder();

    private static final class RefusingIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
        @Override
        public ConfigIncluder withFallback(ConfigIncluder fallback) {
            return this;
        }

        @Override
        public ConfigObject include(ConfigIncludeContext context, String what) {
            throw new ConfigException.Generic(INCLUDE_REFUSED);
        }

        @Override
        public ConfigObject includeFile(ConfigIncludeContext context, File what) {
            throw new ConfigException.Generic(INCLUDE_REFUSED);
        }

        @Override
        public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
            throw new ConfigException.Generic(INCLUDE_REFUSED);
        }

        @Override
        public ConfigObject includeResources(ConfigIncludeContext context, String what) {
            throw new ConfigException.Generic(INCLUDE_REFUSED);
        }
    }

    /** A small scan of HOCON's lexical shape: strings, comments, brackets and the unquoted word {@code include}. */
    static final class Shape {
        private Shape() {}

        /** "LINE:problem" for the first include or over-deep nesting, else empty. */
        static Optional<String> check(String text) {
            int line = 1;
            int depth = 0;
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (c == '#' || (c == '/' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end + 3;
                    while (end < n && text.charAt(end) == '"') {
                        end++;
                    }
                    line += count(text, i, end);
                    i = end;
                } else if (c == '"') {
                    i++;
                    while (i < n && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                        if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) == 'u'
                                && !text.substring(i + 2, Math.min(n, i + 6)).matches("[0-9A-Fa-f]{4}")) {
                            return Optional.of(line + ":\\u in a quoted string must be followed by four hex digits, like \\u00e9");
                        }
                        i += text.charAt(i) == '\\' ? 2 : 1;
                    }
                    i++;
                } else if (c == '{' || c == '[') {
                    if (++depth > MAX_DEPTH) {
                        return Optional.of(line + ":blocks and lists are nested more than " + MAX_DEPTH
                                + " deep here; a profile needs a few levels at most");
                    }
                    i++;
                } else if (c == '}' || c == ']') {
                    depth = Math.max(0, depth - 1);
                    i++;
                } else if (text.startsWith("include", i) && wordStart(text, i) && wordEnd(text, i + "include".length())) {
                    return Optional.of(line + ":" + INCLUDE_REFUSED);
                } else {
                    i++;
                }
            }
            return Optional.empty();
        }

        private static boolean wordStart(String text, int i) {
            return i == 0 || !unquotedChar(text.charAt(i - 1));
        }

        /** An unquoted `include` followed by what an include takes: a quoted name or file(, url(, classpath(, required(. */
        private static boolean wordEnd(String text, int i) {
            int j = i;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j == i || j >= text.length()) {
                return false;
            }
            String rest = text.substring(j, Math.min(text.length(), j + 20));
            return rest.startsWith("\"") || rest.matches("(?s)(file|url|classpath|required)\\s*\\(.*");
        }

        private static boolean unquotedChar(char c) {
            return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
        }

        private static int count(String text, int from, int to) {
            int lines = 0;
            for (int k = from; k < to; k++) {
                if (text.charAt(k) == '\n') {
                    lines++;
                }
            }
            return lines;
        }
    }
}
