package io.github.wuproxy.testing;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.AgentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records what the engine told the user; never asserts. */
public final class RecordingNotifier implements Notifier {
    public final List<AgentStatus> statuses = new ArrayList<>();
    public final List<AppliedChange> changes = new ArrayList<>();
    public final List<Problem> problems = new ArrayList<>();
    public final List<ProxyCheck> checks = new ArrayList<>();
    public final List<Heal> heals = new ArrayList<>();
    /** The scan times the engine checked ahead of, and whether a network change (not the job) did it. */
    public final List<java.util.Map.Entry<java.time.Instant, Boolean>> preScans = new ArrayList<>();

    @Override
    public void preScan(java.time.Instant scan, boolean networkChange) {
        preScans.add(java.util.Map.entry(scan, networkChange));
    }

    @Override
    public void verified(ProxyCheck check) {
        checks.add(check);
    }

    @Override
    public void healing(Heal heal) {
        heals.add(heal);
    }

    @Override
    public void status(AgentStatus status) {
        statuses.add(status);
    }

    @Override
    public void applied(AppliedChange change) {
        changes.add(change);
    }

    @Override
    public void problem(Problem problem) {
        problems.add(problem);
    }

    public Optional<Problem> lastProblem() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(problems.size() - 1));
    }

    /** The codes of the problems the last status shows active. */
    public List<ProblemCode> activeProblems() {
        return statuses.isEmpty() ? List.of() : lastStatus().problems().stream().map(p -> p.problem().code()).toList();
    }

    public AgentStatus lastStatus() {
        return statuses.get(statuses.size() - 1);
    }
}
