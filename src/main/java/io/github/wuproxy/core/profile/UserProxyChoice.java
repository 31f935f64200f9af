package io.github.wuproxy.core.profile;

import io.github.wuproxy.core.proxy.UserProxySettings;

/**
 * What a profile does with the signed-in user's own proxy (WinINet, which Delivery Optimization
 * downloads use): the profile key {@code user-proxy}.
 */
public sealed interface UserProxyChoice {
    UserProxyChoice KEEP = new Keep();
    UserProxyChoice SAME = new Same();

    /** The word used in profiles: {@code keep}, {@code same}, or the settings' own mode. */
    String word();

    /** Never touched (the default). */
    record Keep() implements UserProxyChoice {
        public String word() {
            return "keep";
        }
    }

    /** Whatever Windows Update gets on this network. */
    record Same() implements UserProxyChoice {
        public String word() {
            return "same";
        }
    }

    /** These settings: direct, a fixed proxy, a setup script or automatic detection. */
    record Exactly(UserProxySettings settings) implements UserProxyChoice {
        public Exactly {
            if (settings == null) {
                throw new IllegalArgumentException("user-proxy needs settings");
            }
        }

        public String word() {
            return settings.mode().word();
        }
    }
}
