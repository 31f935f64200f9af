package io.github.wuproxy.app;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.AgentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the log what the engine decided; the tray (issue #6) and the Event Log (#7) add their own. */
final class LoggingNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

    @Override
    public void status(AgentStatus status) {
        log.debug("status profile={} basis={} why=\"{}\" desired={} paused={}", status.profile(), status.basis(), status.why(),
                status.wanted().map(UpdateProxy::describe).orElse("unknown"), status.paused());
    }

    @Override
    public void applied(AppliedChange change) {
        log.info("profile {} applied: Windows Update proxy {} (was {}){}", change.profile(), change.after().describe(),
                change.before().map(UpdateProxy::describe).orElse("unknown"), change.serviceRestarted() ? ", service restarted" : "");
    }

    @Override
    public void problem(Problem problem) {
        // The engine has logged it at ERROR with its code; nothing more to say here.
    }
}
