package io.github.wuproxy.engine;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.port.AgentStatus.ActiveProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problems whose cause has not cleared, one per code. Each clears only with its own cause:
 * a failed scan by a scan that works, another program's proxy when wuproxy's own is back or the
 * network changes, and everything else by a round that worked.
 */
final class ActiveProblems {
    private final Map<ProblemCode, ActiveProblem> active = new EnumMap<>(ProblemCode.class);
    /** {@link #list()} until the next change: every status is built with it. */
    private List<ActiveProblem> listed = List.of();

    /** Returns true when the problem is new (not already active under its code): only then is it announced. */
    boolean raise(Problem problem, Instant now) {
        ActiveProblem before = active.get(problem.code());
        active.put(problem.code(), new ActiveProblem(problem, before == null ? now : before.since()));
        listed = null;
        return before == null;
    }

    boolean clear(ProblemCode code) {
        if (active.remove(code) == null) {
            return false;
        }
        listed = null;
        return true;
    }

    /**
     * A round that worked clears what it cures: everything but a failed scan and another program's
     * proxy, and but this round's own warning. Returns the codes cleared.
     */
    List<ProblemCode> roundSucceeded(Optional<ProblemCode> warning) {
        if (active.isEmpty()) {
            return List.of();
        }
        List<ProblemCode> cleared = new ArrayList<>();
        for (ProblemCode code : List.copyOf(active.keySet())) {
            boolean ownCause = code == ProblemCode.SCAN_FAILED || code == ProblemCode.FOREIGN_WRITE;
            if (!ownCause && warning.filter(code::equals).isEmpty()) {
                active.remove(code);
                cleared.add(code);
                listed = null;
            }
        }
        return cleared;
    }

    boolean isActive(ProblemCode code) {
        return active.containsKey(code);
    }

    /** Oldest first. */
    List<ActiveProblem> list() {
        if (listed == null) {
            listed = List.copyOf(active.values().stream().sorted(Comparator.comparing(ActiveProblem::since)).toList());
        }
        return listed;
    }
}
