package io.github.wuproxy.tray;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemTexts;
import io.github.wuproxy.core.profile.Reason;
import io.github.wuproxy.core.profile.ReasonTexts;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.UserProxyStatus;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The tray's words (menu, tooltip, notifications), in the user's display language, from
 * {@code tray/texts*.properties}. Every text a person reads in this package comes from here.
 */
public final class TrayTexts {
    static final String BUNDLE = "io.github.wuproxy.tray.texts";

    private TrayTexts() {}

    static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault(Locale.Category.DISPLAY),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text for {@code key} with {0}, {1}... replaced by {@code args} in order. */
    public static String get(String key, Object... args) {
        String text;
        try {
            text = bundle().getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key + " in " + BUNDLE, e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** Why the profile, or the user's proxy, is what it is, in the user's language. */
    static String reason(Reason reason) {
        return ReasonTexts.render(reason, Locale.getDefault(Locale.Category.DISPLAY));
    }

    /** The user's own proxy: what they hold, why, and what it is being set to. */
    static String userProxy(UserProxyStatus user) {
        String holds = user.held().map(UserProxySettings::describe).orElse(get("proxy.unknown"));
        if (user.wanted().isEmpty()) {
            return user.why().isEmpty() ? holds : get("userProxy.why", holds, reason(user.reason()));
        }
        return user.needsWrite() ? get("userProxy.setting", holds, reason(user.reason()), user.wanted().get().describe())
                : get("userProxy.why", holds, reason(user.reason()));
    }

    /** Why the agent refused, in the user's language when it sent the reason as data we have words for; else its English. */
    static String refusal(AgentRefusal refusal) {
        ResourceBundle texts = bundle();
        return refusal.why().filter(w -> texts.containsKey("refusal." + w.code()))
                .map(w -> get("refusal." + w.code(), w.values().toArray())).orElse(refusal.reason());
    }

    /** A problem's headline for a notification or the status line, from its code, in the user's language. */
    static String headline(Problem problem) {
        return ProblemTexts.headline(problem.code(), Locale.getDefault(Locale.Category.DISPLAY));
    }
}
