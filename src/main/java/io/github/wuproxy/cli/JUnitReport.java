package io.github.wuproxy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A JUnit XML report of {@code simulate}: one test case per timeline, a failure listing its failed expectations, an error for a bad timeline. */
final class JUnitReport {
    /** One timeline's result. */
    record Case(String name, double seconds, int expectations, List<String> failures, String error) {
        static Case of(String name, double seconds, int expectations, List<String> failures) {
            return new Case(name, seconds, expectations, List.copyOf(failures), null);
        }

        static Case error(String name, double seconds, String message) {
            return new Case(name, seconds, 0, List.of(), message);
        }
    }

    private JUnitReport() {}

    /** Written beside {@code file} and moved over it: a link at that name is replaced, never written through. */
    static void write(Path file, String suite, List<Case> cases) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path written = folder.resolve(".wuproxy-junit-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
        try {
            // a new file as any other (the umask's permissions, not a temporary file's owner-only ones)
            Files.writeString(written, xml(suite, cases), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    static String xml(String suite, List<Case> cases) {
        long failed = cases.stream().filter(c -> !c.failures().isEmpty()).count();
        long errors = cases.stream().filter(c -> c.error() != null).count();
        double total = cases.stream().mapToDouble(Case::seconds).sum();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\">%n",
                escape(suite), cases.size(), failed, errors, total));
        for (Case c : cases) {
            xml.append(String.format(Locale.ROOT, "  <testcase classname=\"simulate\" name=\"%s\" time=\"%.3f\"", escape(c.name()), c.seconds()));
            if (c.error() != null) {
                xml.append(">\n    <error message=\"bad timeline\">").append(escape(c.error())).append("</error>\n  </testcase>\n");
            } else if (!c.failures().isEmpty()) {
                xml.append(">\n    <failure message=\"").append(c.failures().size()).append(" of ").append(c.expectations())
                        .append(" expectations failed\">").append(escape(String.join("\n", c.failures()))).append("</failure>\n  </testcase>\n");
            } else {
                xml.append("/>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    /** Escapes for text and attributes; drops characters XML 1.0 cannot hold. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                default -> {
                    boolean allowed = c == '\t' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }
}
