package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.EventLog.AgentEvent;
import io.github.wuproxy.sim.RecordingEventLog;
import io.github.wuproxy.testing.RecordingNotifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What reaches the Event Log, with the ids the README documents. */
class EventLogNotifierTest {
    @Test
    void switchesProblemsAndForeignWritesGetTheirStableIds() {
        var log = new RecordingEventLog();
        var next = new RecordingNotifier();
        var notifier = new EventLogNotifier(next, log);
        notifier.applied(new AppliedChange("corporate", "network-category domain-authenticated (corp.example.com)",
                Optional.of(UpdateProxy.direct()), UpdateProxy.fixed("proxy.corp.example:8080", "<local>"), true, true, true));
        notifier.problem(new Problem(ProblemCode.WRITE_DENIED, Severity.ERROR, "Could not set the proxy", "denied", "run elevated"));
        notifier.problem(new Problem(ProblemCode.FOREIGN_WRITE, Severity.WARNING, "Another program set it", "x", "y"));
        assertEquals(List.of(
                new AgentEvent(1100, AgentEvent.Level.INFORMATION, "Profile corporate: Windows Update proxy proxy.corp.example:8080 (bypass <local>) "
                        + "(was direct). Why: network-category domain-authenticated (corp.example.com). Windows Update was restarted."),
                new AgentEvent(1200, AgentEvent.Level.ERROR, "WUP200 Could not set the proxy: denied. run elevated."),
                new AgentEvent(1300, AgentEvent.Level.WARNING, "WUP500 Another program set it: x. y.")), log.events());
        assertEquals(1, next.changes.size(), "everything is passed on");
        assertEquals(2, next.problems.size());
    }
}
