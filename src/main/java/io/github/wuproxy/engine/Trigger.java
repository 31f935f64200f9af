package io.github.wuproxy.engine;

import java.util.Locale;

/** Why the engine looks at the network and the proxy again; the log says it in these words. */
public enum Trigger {
    START,
    NETWORK_CHANGE,
    USER_PROXY_CHANGE,
    SYNC_NOW,
    DRIFT_CHECK,
    FOREIGN_WRITE,
    USE,
    USE_AUTOMATIC,
    RESUME,
    PROFILES_RELOADED,
    RETRY,
    CAPTIVE_PORTAL_RECHECK,
    SCAN_FAILED,
    PRE_SCAN;

    /** The user chose a profile: this decides even where the engine yielded to another program's proxy. */
    boolean isUserChoice() {
        return this == USE || this == USE_AUTOMATIC;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
