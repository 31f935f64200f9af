package io.github.wuproxy.windows;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Sets the BITS service accounts' proxy with {@code bitsadmin /util /setieproxy}, the only documented
 * way. bitsadmin.exe is started by absolute path from System32, never through a shell, with arguments
 * built only from an {@link UpdateProxy} (which admits no spaces, quotes or non-ASCII).
 */
final class BitsAdmin {
    static final List<String> ACCOUNTS = List.of("LOCALSYSTEM", "NETWORKSERVICE", "LOCALSERVICE");
    private static final long TIMEOUT_SECONDS = 30;
    private final Path bitsadmin;

    BitsAdmin(Path system32) {
        this.bitsadmin = system32.resolve("bitsadmin.exe");
    }

    /** The argument list for one account; tested on any OS. */
    static List<String> arguments(Path bitsadmin, String account, UpdateProxy proxy) {
        if (!ACCOUNTS.contains(account)) {
            throw new IllegalArgumentException("not a BITS service account: " + account);
        }
        List<String> args = new ArrayList<>(List.of(bitsadmin.toString(), "/util", "/setieproxy", account));
        if (proxy instanceof UpdateProxy.Fixed fixed) {
            args.add("MANUAL_PROXY");
            // bitsadmin separates proxies with commas; WinHTTP with ';'.
            args.add(fixed.server().replace(';', ','));
            args.add(fixed.bypass().isEmpty() ? "NULL" : fixed.bypass());
        } else {
            args.add("NO_PROXY");
        }
        return args;
    }

    void set(UpdateProxy proxy) throws StoreException {
        for (String account : ACCOUNTS) {
            run(arguments(bitsadmin, account, proxy));
        }
    }

    private static void run(List<String> command) throws StoreException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILED, "could not start " + command.get(0) + ": " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StoreException(StoreException.Reason.TIMEOUT, "bitsadmin did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                boolean denied = output.contains("0x80070005") || output.toLowerCase(Locale.ROOT).contains("access is denied");
                throw new StoreException(denied ? StoreException.Reason.DENIED : StoreException.Reason.FAILED,
                        "bitsadmin /util /setieproxy " + command.get(3) + " exited with " + process.exitValue() + ": "
                                + lastLine(output));
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILED, "bitsadmin: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StoreException(StoreException.Reason.FAILED, "interrupted while bitsadmin ran");
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
