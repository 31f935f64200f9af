package io.github.wuproxy.sim;

import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.core.proxy.ProxyCheck.Outcome;
import io.github.wuproxy.core.proxy.ProxyEndpoint;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.ProxyVerifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Proxies that answer as a timeline says: every proxy, and direct, get through unless told otherwise. */
public final class SimulatedProxyVerifier implements ProxyVerifier {
    /** How a proxy answers the check. */
    public enum Answer {
        OK, DOWN, WANTS_PASSWORD;

        public String word() {
            return this == WANTS_PASSWORD ? "407" : name().toLowerCase(Locale.ROOT);
        }

        public static Answer fromWord(String word) {
            for (Answer a : values()) {
                if (a.word().equals(word)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("a proxy answers ok, down or 407, not \"" + word + "\"");
        }
    }

    private final Map<String, Answer> answers = new HashMap<>();
    private int checks;
    private int version;

    /** {@code server} is a host:port, or {@code direct} for the way without a proxy. */
    public void set(String server, Answer answer) {
        answers.put(server.toLowerCase(Locale.ROOT), answer);
        version++;
    }

    /** Changes whenever an answer does. */
    public int version() {
        return version;
    }

    public int checks() {
        return checks;
    }

    @Override
    public ProxyCheck check(UpdateProxy proxy) {
        checks++;
        String key = proxy instanceof UpdateProxy.Fixed fixed
                ? ProxyEndpoint.forScheme(fixed, "https").map(ProxyEndpoint::toString).orElse("direct")
                : "direct";
        return switch (answers.getOrDefault(key.toLowerCase(Locale.ROOT), Answer.OK)) {
            case OK -> ProxyCheck.reached(proxy, key.equals("direct") ? "connected directly [simulated]" : "the proxy opened a tunnel [simulated]");
            case DOWN -> ProxyCheck.failed(proxy, Outcome.UNREACHABLE, key + " refused the connection [simulated]", 0x80072EFD);
            case WANTS_PASSWORD -> ProxyCheck.failed(proxy, Outcome.AUTH_REQUIRED, "the proxy " + key + " answered HTTP 407 [simulated]",
                    UpdateErrors.forHttpStatus(407));
        };
    }
}
