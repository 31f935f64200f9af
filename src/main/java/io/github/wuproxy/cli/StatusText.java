package io.github.wuproxy.cli;

import io.github.wuproxy.core.problem.ProblemTexts;
import io.github.wuproxy.core.profile.ReasonTexts;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.port.AgentStatus;
import java.util.Locale;

/** The agent's status as {@code wuproxy status} prints it, in the user's language; {@code --json} prints the same status as data. */
public final class StatusText {
    private StatusText() {}

    public static String render(AgentStatus status) {
        StringBuilder out = new StringBuilder();
        out.append(Texts.get("status.profile", status.profile(), Texts.get("status.basis." + status.basis().name().toLowerCase(Locale.ROOT)),
                ReasonTexts.render(status.reason(), Texts.locale()))).append('\n');
        String held = status.held().map(UpdateProxy::describe).orElse(Texts.get("status.unknown"));
        if (status.held().equals(status.wanted())) {
            out.append(Texts.get("status.wuProxy", held));
        } else {
            out.append(Texts.get("status.wuProxyWants", held, status.wanted().map(UpdateProxy::describe).orElse(Texts.get("status.wantsUnknown")),
                    status.paused() ? Texts.get("status.pausedSuffix") : ""));
        }
        out.append('\n');
        if (status.userProxy().wanted().isPresent() || status.userProxy().held().isPresent()) {
            out.append(Texts.get("status.userProxy", userProxy(status.userProxy()))).append('\n');
        }
        out.append(Texts.get("status.network", status.network())).append('\n');
        out.append(Texts.get("status.paused", Texts.get(status.paused() ? "status.yes" : "status.no"))).append('\n');
        out.append(Texts.get("status.lastSync", status.lastSync().map(StatusText::time).orElse(Texts.get("status.notYet")))).append('\n');
        out.append(Texts.get("status.nextScan", status.nextScan().map(StatusText::time).orElse(Texts.get("status.unknown")))).append('\n');
        for (AgentStatus.ActiveProblem p : status.problems()) {
            out.append(Texts.get("status.problem", ProblemTexts.headline(p.problem().code(), Texts.locale()), time(p.since()))).append('\n');
            out.append(Texts.get("status.whatToDo", ProblemTexts.whatToDo(p.problem().code(), Texts.locale()))).append('\n');
        }
        return out.toString();
    }

    /** The user's own proxy: what they hold, why, and what it is being set to. */
    private static String userProxy(UserProxyStatus user) {
        String holds = user.held().map(UserProxySettings::describe).orElse(Texts.get("status.unknown"));
        String why = ReasonTexts.render(user.reason(), Texts.locale());
        if (user.wanted().isEmpty()) {
            return user.why().isEmpty() ? holds : Texts.get("status.userProxyWhy", holds, why);
        }
        return user.needsWrite() ? Texts.get("status.userProxySetting", holds, why, user.wanted().get().describe())
                : Texts.get("status.userProxyWhy", holds, why);
    }

    /** To the second, as the log writes it; {@code --json} keeps the whole instant. */
    private static String time(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
