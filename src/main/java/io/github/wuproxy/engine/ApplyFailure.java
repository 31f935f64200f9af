package io.github.wuproxy.engine;

import io.github.wuproxy.core.problem.Problem;

/** A step of an apply failed; the machine was left as it was, or as desired. */
final class ApplyFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final boolean transientFailure;

    ApplyFailure(Problem problem, boolean transientFailure) {
        super(problem.text());
        this.problem = problem;
        this.transientFailure = transientFailure;
    }

    Problem problem() {
        return problem;
    }

    /** Whether a retry may succeed (a failure, a timeout) rather than not (Windows refused). */
    boolean isTransient() {
        return transientFailure;
    }
}
