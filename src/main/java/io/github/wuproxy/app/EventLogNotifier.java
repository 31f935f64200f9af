package io.github.wuproxy.app;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.EventLog;
import io.github.wuproxy.port.EventLog.AgentEvent;
import io.github.wuproxy.port.Notifier;

/** Passes everything on, and writes switches, problems and foreign writes to the Event Log. */
final class EventLogNotifier extends ForwardingNotifier {
    private final EventLog log;

    EventLogNotifier(Notifier next, EventLog log) {
        super(next);
        this.log = log;
    }

    @Override
    public void applied(AppliedChange change) {
        super.applied(change);
        log.record(new AgentEvent(AgentEvent.SWITCHED, AgentEvent.Level.INFORMATION, "Profile " + change.profile()
                + ": Windows Update proxy " + change.after().describe() + " (was " + change.before().map(p -> p.describe()).orElse("unknown")
                + "). Why: " + change.why() + "." + (change.serviceRestarted() ? " Windows Update was restarted." : "")));
    }

    @Override
    public void problem(Problem problem) {
        super.problem(problem);
        boolean foreign = problem.code() == ProblemCode.FOREIGN_WRITE;
        log.record(new AgentEvent(foreign ? AgentEvent.FOREIGN_WRITE : AgentEvent.PROBLEM,
                problem.severity() == Severity.ERROR ? AgentEvent.Level.ERROR : AgentEvent.Level.WARNING, problem.text()));
    }
}
