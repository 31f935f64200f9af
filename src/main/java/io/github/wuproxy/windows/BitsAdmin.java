package io.github.wuproxy.windows;

import io.github.wuproxy.format.WinInetConnectionSettings;
import io.github.wuproxy.format.WinHttpSettingsFormatException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sets the BITS service accounts' proxy with {@code bitsadmin /util /setieproxy}, the only documented
 * way, and puts back what they were. bitsadmin.exe is started by absolute path from System32, never
 * through a shell, with arguments built from an {@link UpdateProxy} (which admits no spaces, quotes or
 * non-ASCII) or from a backed-up value with no quote in it.
 */
final class BitsAdmin {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BitsAdmin.class);
    static final List<String> ACCOUNTS = List.of("LOCALSYSTEM", "NETWORKSERVICE", "LOCALSERVICE");
    private static final long TIMEOUT_SECONDS = 30;
    private final Path bitsadmin;

    BitsAdmin(Path system32) {
        this.bitsadmin = system32.resolve("bitsadmin.exe");
    }

    /** The argument list for one account; tested on any OS. */
    static List<String> arguments(Path bitsadmin, String account, UpdateProxy proxy) {
        if (proxy instanceof UpdateProxy.Fixed fixed) {
            return arguments(bitsadmin, account, "MANUAL_PROXY", fixed.server(), fixed.bypass());
        }
        return arguments(bitsadmin, account, "NO_PROXY");
    }

    /**
     * The arguments that put back what an account's DefaultConnectionSettings said: a setup script,
     * auto-detection, a fixed proxy or none; RESET for an account that had no value. Empty when the
     * value cannot be said to bitsadmin (unreadable, or a quote that Windows' argument rules would split).
     */
    static Optional<List<String>> restoreArguments(Path bitsadmin, String account, byte[] raw) {
        if (raw.length == 0) {
            return Optional.of(arguments(bitsadmin, account, "RESET"));
        }
        WinInetConnectionSettings settings;
        try {
            settings = WinInetConnectionSettings.decode(raw);
        } catch (WinHttpSettingsFormatException e) {
            return Optional.empty();
        }
        if (String.join("", settings.proxy(), settings.bypass(), settings.autoConfigUrl()).contains("\"")) {
            return Optional.empty();
        }
        if ((settings.flags() & WinInetConnectionSettings.FLAG_AUTO_PROXY_URL) != 0 && !settings.autoConfigUrl().isBlank()) {
            return Optional.of(arguments(bitsadmin, account, "AUTOSCRIPT", settings.autoConfigUrl()));
        }
        if ((settings.flags() & WinInetConnectionSettings.FLAG_AUTO_DETECT) != 0) {
            return Optional.of(arguments(bitsadmin, account, "AUTODETECT"));
        }
        if ((settings.flags() & WinInetConnectionSettings.FLAG_PROXY) != 0 && !settings.proxy().isBlank()) {
            return Optional.of(arguments(bitsadmin, account, "MANUAL_PROXY", settings.proxy(), settings.bypass()));
        }
        return Optional.of(arguments(bitsadmin, account, "NO_PROXY"));
    }

    /** MANUAL_PROXY takes the proxies comma-delimited and the bypass list space-delimited (NULL when empty); WinHTTP uses ';'. */
    private static List<String> arguments(Path bitsadmin, String account, String usage, String... values) {
        if (!ACCOUNTS.contains(account)) {
            throw new IllegalArgumentException("not a BITS service account: " + account);
        }
        List<String> args = new ArrayList<>(List.of(bitsadmin.toString(), "/util", "/setieproxy", account, usage));
        if (usage.equals("MANUAL_PROXY")) {
            args.add(String.join(",", values[0].trim().split("\\s*;\\s*")));
            String bypass = String.join(" ", values[1].trim().split("[;\\s]+")).trim();
            args.add(bypass.isEmpty() ? "NULL" : bypass);
        } else {
            args.addAll(List.of(values));
        }
        return args;
    }

    void set(UpdateProxy proxy) throws StoreException {
        for (String account : ACCOUNTS) {
            run(arguments(bitsadmin, account, proxy));
        }
    }

    /** Tells BITS what the account's value said, so WinINet's own copies follow the bytes put back after. */
    void restore(String account, byte[] raw) throws StoreException {
        Optional<List<String>> arguments = restoreArguments(bitsadmin, account, raw);
        if (arguments.isEmpty()) {
            log.warn("the BITS proxy of {} is put back byte for byte only: bitsadmin cannot be told what it says", account);
            return;
        }
        run(arguments.get());
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
                        "bitsadmin /util /setieproxy " + command.get(3) + " " + command.get(4) + " exited with " + process.exitValue() + ": "
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
