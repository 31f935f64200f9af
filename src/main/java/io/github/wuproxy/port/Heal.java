package io.github.wuproxy.port;

import java.util.Locale;

/** What the engine did about a failed Windows Update scan. */
public record Heal(ScanResult scan, Action action) {
    public enum Action {
        /** Re-read the network, re-synced the proxy, and started a new scan. */
        RESCANNED,
        /** The scan after a heal succeeded. */
        HEALED,
        /** The scan after a heal failed too: reported (WUP600) and not retried until the heal interval has passed. */
        STILL_FAILING,
        /** Healed less than the heal interval ago: left alone, so a broken network cannot start a scan loop. */
        RATE_LIMITED,
        /** Not an error a proxy change can cure (see `wuproxy explain`). */
        NOT_A_NETWORK_ERROR,
        /** wuproxy is paused or the machine is asleep. */
        PAUSED,
        /** Re-synced, but Windows Update refused to start a new scan. */
        SCAN_REFUSED;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
