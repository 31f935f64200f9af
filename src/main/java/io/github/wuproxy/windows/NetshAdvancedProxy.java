package io.github.wuproxy.windows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads one scope of the advanced WinHTTP proxy store with {@code netsh winhttp show advproxy
 * setting-scope=machine|user} (or without a scope): netsh.exe by absolute path from System32, one of
 * three fixed argument lists, read only. The store has no documented API or registry location, so netsh is the only reader.
 */
public final class NetshAdvancedProxy {
    /** Which scope to show; IN_FORCE is netsh's documented form without a scope, for a netsh that refuses one. */
    public enum Scope {
        MACHINE,
        USER,
        IN_FORCE;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static final int MAX_BYTES = 64 * 1024;
    private final Path netsh;

    public NetshAdvancedProxy(Path system32) {
        this.netsh = system32.resolve("netsh.exe");
    }

    static List<String> command(Path netsh, Scope scope) {
        return scope == Scope.IN_FORCE ? List.of(netsh.toString(), "winhttp", "show", "advproxy")
                : List.of(netsh.toString(), "winhttp", "show", "advproxy", "setting-scope=" + scope.word());
    }

    /**
     * What netsh printed for {@code scope}, or empty when it does not know the command (Windows
     * before 11 and Server 2022). Throws when netsh cannot be run or does not answer in 30 s.
     */
    public Optional<String> show(Scope scope) throws IOException {
        Process process = new ProcessBuilder(command(netsh, scope)).redirectErrorStream(true).start();
        try (InputStream in = process.getInputStream()) {
            process.getOutputStream().close();
            // Host names are ASCII; the console code page's other characters only show up garbled in the report.
            String text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.ISO_8859_1);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IOException("netsh winhttp show advproxy did not return within 30 s");
            }
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running netsh", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
