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
        return new Fixed(server, bypass);
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
    }
}
