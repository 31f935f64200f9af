package io.github.wuproxy.core.proxy;

/**
 * The machine-wide WinHTTP proxy that Windows Update uses: direct, or a fixed proxy list with a
 * bypass list. Values are checked and normalised on construction (entries joined by ';').
 */
public sealed interface UpdateProxy {

    static UpdateProxy direct() {
        return Direct.INSTANCE;
    }

    /** A fixed proxy; throws {@link InvalidProxyException} naming the bad part. */
    static Fixed fixed(String server, String bypass) {
        return Checked.fixed(server, bypass);
    }

    /** The mode word used in JSON and profiles: {@code direct} or {@code fixed}. */
    String mode();

    /** How netsh would say it: {@code direct} or {@code proxy.corp.example:8080 (bypass <local>)}. */
    String describe();

    /** No proxy: WINHTTP_ACCESS_TYPE_NO_PROXY. */
    enum Direct implements UpdateProxy {
        INSTANCE;

        @Override
        public String mode() {
            return "direct";
        }

        @Override
        public String describe() {
            return "direct";
        }
    }

    /** A named proxy: WINHTTP_ACCESS_TYPE_NAMED_PROXY with lpszProxy and lpszProxyBypass. */
    record Fixed(String server, String bypass) implements UpdateProxy {
        public Fixed {
            server = ProxyGrammar.proxyList(server);
            bypass = ProxyGrammar.bypassList(bypass);
        }

        @Override
        public String mode() {
            return "fixed";
        }

        @Override
        public String describe() {
            return bypass.isEmpty() ? server : server + " (bypass " + bypass + ")";
        }

        /** As a record compares, written out: compared at every round, and the generated form is slow before the JIT's second tier. */
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Fixed f && server.equals(f.server) && bypass.equals(f.bypass);
        }

        @Override
        public int hashCode() {
            return server.hashCode() * 31 + bypass.hashCode();
        }
    }

    /** Proxies already checked, by their text: the grammar check is costly and the same few proxies recur. */
    final class Checked {
        private static final int MAX = 256;
        private static final java.util.Map<java.util.List<String>, Fixed> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

        private Checked() {}

        static Fixed fixed(String server, String bypass) {
            java.util.List<String> key = java.util.Arrays.asList(server, bypass);
            Fixed known = SEEN.get(key);
            if (known != null) {
                return known;
            }
            Fixed checked = new Fixed(server, bypass);
            if (SEEN.size() >= MAX) {
                SEEN.clear();
            }
            SEEN.put(key, checked);
            return checked;
        }
    }
}
