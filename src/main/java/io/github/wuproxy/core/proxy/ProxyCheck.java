package io.github.wuproxy.core.proxy;

import java.util.Locale;
import java.util.Optional;

/**
 * What a test connection to the Windows Update servers through one proxy (or directly) found.
 *
 * @param detail what was seen, for the why and the diagnose report ("HTTP 407 from the proxy")
 * @param wouldFailWith the error Windows Update would log, when the check failed
 */
public record ProxyCheck(UpdateProxy proxy, Outcome outcome, String detail, Optional<Integer> wouldFailWith) {

    public enum Outcome {
        /** The proxy opened a tunnel (or the server answered directly): Windows Update gets through. */
        REACHED,
        /** HTTP 407: the proxy wants a password, which Windows Update as SYSTEM cannot give. */
        AUTH_REQUIRED,
        /** The proxy answered, but refused the tunnel (403, 502, ...). */
        REFUSED,
        /** No connection to the proxy or the server: down, unknown name, or timed out. */
        UNREACHABLE;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static ProxyCheck reached(UpdateProxy proxy, String detail) {
        return new ProxyCheck(proxy, Outcome.REACHED, detail, Optional.empty());
    }

    public static ProxyCheck failed(UpdateProxy proxy, Outcome outcome, String detail, int wouldFailWith) {
        return new ProxyCheck(proxy, outcome, detail, Optional.of(wouldFailWith));
    }

    public boolean reached() {
        return outcome == Outcome.REACHED;
    }

    /** "proxy.corp:8080: HTTP 407 from the proxy (Windows Update would fail with 0x8024401B)". */
    public String describe() {
        return proxy.describe() + ": " + detail
                + wouldFailWith.map(code -> String.format(Locale.ROOT, " (Windows Update would fail with 0x%08X)", code)).orElse("");
    }
}
