package io.github.wuproxy.sim;

import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.PacException;
import java.util.Locale;

/** Reads a FindProxyForURL result ("PROXY a:8080; PROXY b:8080; DIRECT"): the first entry wins. */
public final class PacAnswer {
    private PacAnswer() {}

    private static final int MAX = 256;
    /** Answers read before: a snapshot's script answers the same at every round there. */
    private static final java.util.Map<String, UpdateProxy> READ = new java.util.concurrent.ConcurrentHashMap<>();

    public static UpdateProxy parse(String answer) throws PacException {
        UpdateProxy known = READ.get(answer);
        if (known != null) {
            return known;
        }
        UpdateProxy read = read(answer);
        if (READ.size() >= MAX) {
            READ.clear();
        }
        READ.put(answer, read);
        return read;
    }

    private static UpdateProxy read(String answer) throws PacException {
        for (String entry : answer.split(";")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (upper.equals("DIRECT")) {
                return UpdateProxy.direct();
            }
            if (upper.startsWith("PROXY ") || upper.startsWith("HTTP ") || upper.startsWith("HTTPS ")) {
                try {
                    return UpdateProxy.fixed(trimmed.substring(trimmed.indexOf(' ') + 1).strip(), "<local>");
                } catch (InvalidProxyException e) {
                    throw new PacException("the script answered with a proxy WinHTTP cannot use: " + e.getMessage());
                }
            }
            // SOCKS entries are skipped: Windows Update cannot use them.
        }
        throw new PacException("the script's answer \"" + answer + "\" names no usable proxy and no DIRECT");
    }
}
