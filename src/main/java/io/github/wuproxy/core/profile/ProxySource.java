package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.proxy.UpdateProxy;

/** Where a profile gets the Windows Update proxy from. */
public sealed interface ProxySource {

    /** The word used in profiles: {@code direct}, {@code fixed}, {@code follow-user}, {@code pac}, {@code auto-detect}. */
    String word();

    /** No proxy (proxycfg -d). */
    record Direct() implements ProxySource {
        public String word() { return "direct"; }
    }

    /** A proxy set by hand (proxycfg -p). */
    record Fixed(UpdateProxy.Fixed proxy) implements ProxySource {
        public String word() { return "fixed"; }
    }

    /** Copy the signed-in user's own proxy settings (proxycfg -u), resolving a script or detection to a proxy. */
    record FollowUser() implements ProxySource {
        public String word() { return "follow-user"; }
    }

    /** A PAC script, resolved for the Windows Update host names into one fixed proxy or direct. */
    record Pac(String url) implements ProxySource {
        public String word() { return "pac"; }
    }

    /** Web Proxy Auto-Discovery (WPAD), resolved like a PAC. */
    record AutoDetect() implements ProxySource {
        public String word() { return "auto-detect"; }
    }
}
