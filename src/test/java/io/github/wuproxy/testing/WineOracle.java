package io.github.wuproxy.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Wine's own winhttp.dll as an oracle nobody here wrote: runs the project's mingw-built helpers
 * (src/test/c) in a private Wine prefix under target/interop. Tests using it skip, saying why,
 * where wine or mingw-w64 is missing ({@code .ci/run} installs both).
 */
public final class WineOracle {
    private static final Path WORK = Path.of("target", "interop").toAbsolutePath();
    private static WineOracle shared;
    private final Path prefix = WORK.resolve("wine-prefix");

    private WineOracle() {}

    /** The oracle, or a skipped test that says what to install. */
    public static synchronized WineOracle require() throws IOException, InterruptedException {
        assumeTrue(onPath("wine"), "Wine is not installed: the interop checks are skipped "
                + "(apt-get install wine wine64 gcc-mingw-w64-x86-64-win32, or run .ci/run)");
        assumeTrue(onPath("x86_64-w64-mingw32-gcc"), "mingw-w64 is not installed: the interop checks are skipped "
                + "(apt-get install gcc-mingw-w64-x86-64-win32, or run .ci/run)");
        if (shared == null) {
            Files.createDirectories(WORK);
            shared = new WineOracle();
            shared.compile("layouts.c", "layouts.exe");
            shared.compile("layouts-wininet.c", "layouts-wininet.exe");
            shared.compile("wininet-helper.c", "wininet-helper.exe", "-lwininet", "-ladvapi32");
            shared.compile("winhttp-helper.c", "winhttp-helper.exe", "-lwinhttp", "-ladvapi32", "-lshell32");
        }
        return shared;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private void compile(String source, String exe, String... libraries) throws IOException, InterruptedException {
        Path out = WORK.resolve(exe);
        Path src = Path.of("src", "test", "c", source).toAbsolutePath();
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(src)) > 0) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("x86_64-w64-mingw32-gcc", "-O2", "-Wall", "-o", out.toString(), src.toString()));
        command.addAll(List.of(libraries));
        Result result = exec(command);
        if (result.exit() != 0) {
            throw new IllegalStateException("mingw-w64 could not build " + source + ": " + result.output());
        }
    }

    /** The output of a helper run under Wine; CRLF made LF. */
    public record Result(int exit, String output) {}

    public Result helper(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wine", WORK.resolve("winhttp-helper.exe").toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    /** The WinINet helper (src/test/c/wininet-helper.c) under Wine. */
    public Result wininet(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wine", WORK.resolve("wininet-helper.exe").toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    /** layouts.c and layouts-wininet.c (wininet.h cannot be included beside winhttp.h), one output. */
    public Result layouts() throws IOException, InterruptedException {
        Result winHttp = exec(List.of("wine", WORK.resolve("layouts.exe").toString()));
        if (winHttp.exit() != 0) {
            return winHttp;
        }
        Result winInet = exec(List.of("wine", WORK.resolve("layouts-wininet.exe").toString()));
        return new Result(winInet.exit(), winHttp.output() + "\n" + winInet.output());
    }

    /** Imports a .reg file with Wine's own {@code reg import}. */
    public Result regImport(String regFile) throws IOException, InterruptedException {
        Path file = Files.createTempFile(WORK, "import", ".reg");
        Files.writeString(file, regFile, StandardCharsets.US_ASCII);
        return exec(List.of("wine", "reg", "import", "Z:" + file.toString().replace('/', '\\')));
    }

    private void environment(Map<String, String> env) {
        env.put("WINEPREFIX", prefix.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        // Wine's WinHTTP falls back to $http_proxy when the registry has none.
        for (String variable : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
                "no_proxy", "NO_PROXY", "DISPLAY")) {
            env.remove(variable);
        }
    }

    private Result exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment(builder.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String text = new String(output, StandardCharsets.UTF_8).replace("\r", "");
        // Wine's own notes on a first start of the prefix are not the helper's output.
        text = text.lines().filter(l -> !l.startsWith("wine: ")).reduce((a, b) -> a + "\n" + b).orElse("");
        return new Result(process.exitValue(), text.strip());
    }
}
