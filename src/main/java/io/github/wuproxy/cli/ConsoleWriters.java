package io.github.wuproxy.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.BooleanSupplier;

/**
 * stdout and stderr as every command writes them, with or without picocli's model (WuProxyCli sets
 * them on it): in the console's encoding where Java knows it (sun.stdout.encoding, set on Windows),
 * UTF-8 for code page 65001, else the default charset, as picocli's own writers.
 */
public final class ConsoleWriters {
    private static final BooleanSupplier NOTHING = () -> true;
    private static volatile BooleanSupplier beforeLogLine = NOTHING;

    private ConsoleWriters() {}

    /**
     * What must reach stdout before a log line goes to stderr (simulate's lines, written on a thread
     * of their own), and whether the line is still wanted then; null for nothing.
     */
    public static void beforeLogLine(BooleanSupplier flush) {
        beforeLogLine = flush == null ? NOTHING : flush;
    }

    /** Called by the CLI's log appender before each line it writes to stderr: whether to write it. */
    public static boolean logLineComing() {
        return beforeLogLine.getAsBoolean();
    }

    public static PrintWriter out() {
        return writer(System.out, System.getProperty("sun.stdout.encoding"));
    }

    public static PrintWriter err() {
        return writer(System.err, System.getProperty("sun.stderr.encoding"));
    }

    /** Whether writing to {@code out}, stdout's writer, failed: it and System.out keep their write errors to themselves. */
    public static boolean failed(PrintWriter out) {
        return out.checkError() || System.out.checkError();
    }

    static PrintWriter writer(OutputStream stream, String encoding) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset(encoding))), true);
    }

    static Charset charset(String encoding) {
        if (encoding == null) {
            return Charset.defaultCharset();
        }
        try {
            return Charset.forName(encoding.equalsIgnoreCase("cp65001") ? "UTF-8" : encoding);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
