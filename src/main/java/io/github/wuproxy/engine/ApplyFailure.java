package io.github.wuproxy.engine;

import io.github.wuproxy.core.problem.Problem;

/** A step of an apply failed; the machine was left as it was, or (when even the roll-back failed) possibly as desired. */
final class ApplyFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final boolean transientFailure;
    private final boolean rollBackFailed;

    ApplyFailure(Problem problem, boolean transientFailure) {
        this(problem, transientFailure, false);
    }

    private ApplyFailure(Problem problem, boolean transientFailure, boolean rollBackFailed) {
        super(problem.text());
        this.problem = problem;
        this.transientFailure = transientFailure;
        this.rollBackFailed = rollBackFailed;
    }

    /** The same failure, after which putting the previous settings back failed too: the new value may be in place. */
    ApplyFailure withRollBackFailed() {
        return new ApplyFailure(problem, transientFailure, true);
    }

    boolean rollBackFailed() {
        return rollBackFailed;
    }

    Problem problem() {
        return problem;
    }

    /** Whether a retry may succeed (a failure, a timeout) rather than not (Windows refused). */
    boolean isTransient() {
        return transientFailure;
    }
}
