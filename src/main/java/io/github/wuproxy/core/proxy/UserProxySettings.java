package io.github.wuproxy.core.proxy;

import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in user's own proxy settings (WinINet, "Internet Options" / Settings › Proxy), which
 * a {@code follow-user} profile copies to Windows Update.
 *
 * @param autoDetect "Automatically detect settings" (WPAD)
 * @param pacUrl "Use setup script"
 * @param manual "Use a proxy server"
 */
public record UserProxySettings(boolean autoDetect, Optional<String> pacUrl, Optional<UpdateProxy.Fixed> manual) {
    public static final UserProxySettings DIRECT = new UserProxySettings(false, Optional.empty(), Optional.empty());

    public UserProxySettings {
        pacUrl = pacUrl.map(String::strip).filter(url -> !url.isEmpty());
        pacUrl.ifPresent(UserProxySettings::checkPacUrl);
    }

    /** As a record compares, written out: compared at every round, and the generated form is slow before the JIT's second tier. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof UserProxySettings u && autoDetect == u.autoDetect && pacUrl.equals(u.pacUrl)
                && java.util.Objects.equals(manual, u.manual);
    }

    @Override
    public int hashCode() {
        return (Boolean.hashCode(autoDetect) * 31 + pacUrl.hashCode()) * 31 + java.util.Objects.hashCode(manual);
    }

    public static UserProxySettings fixed(UpdateProxy.Fixed proxy) {
        return new UserProxySettings(false, Optional.empty(), Optional.of(proxy));
    }

    public static UserProxySettings pac(String url) {
        return new UserProxySettings(false, Optional.of(url), Optional.empty());
    }

    public static UserProxySettings autoDetected() {
        return new UserProxySettings(true, Optional.empty(), Optional.empty());
    }

    /** The setting that wins, in WinINet's order: auto-detect, then the setup script, then the manual proxy. */
    public Mode mode() {
        if (autoDetect) {
            return Mode.AUTO_DETECT;
        }
        if (pacUrl.isPresent()) {
            return Mode.PAC;
        }
        return manual.isPresent() ? Mode.FIXED : Mode.DIRECT;
    }

    public String describe() {
        return switch (mode()) {
            case DIRECT -> "direct";
            case FIXED -> "proxy " + manual.orElseThrow().describe();
            case PAC -> "setup script " + PacUrls.safe(pacUrl.orElseThrow());
            case AUTO_DETECT -> "automatic detection";
        };
    }

    static void checkPacUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file://"))) {
            throw new InvalidProxyException("PAC URL \"" + PacUrls.safe(url)
                    + "\" must start with http://, https:// or file://");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c > 0x7e) {
                throw new InvalidProxyException("PAC URL \"" + PacUrls.safe(url)
                        + "\" has a space or non-ASCII character at position " + (i + 1) + "; encode it with %");
            }
        }
    }

    /** Which of the user's settings is in force. */
    public enum Mode {
        DIRECT,
        FIXED,
        PAC,
        AUTO_DETECT;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Mode fromWord(String word) {
            for (var mode : values()) {
                if (mode.word().equalsIgnoreCase(word)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException(
                    "unknown user proxy mode \"" + word + "\"; use one of direct, fixed, pac, auto-detect");
        }
    }
}
