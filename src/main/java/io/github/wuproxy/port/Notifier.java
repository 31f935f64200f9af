package io.github.wuproxy.port;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.ProxyCheck;

/** Tells the user (tray, log, Event Log) what the engine decided and what went wrong. */
public interface Notifier {
    /** The engine's state changed: a new decision, a write, a pause. */
    void status(SyncStatus status);

    /** The proxy was changed to fit the network: once per settled change. */
    void applied(AppliedChange change);

    /** A problem outlasted its retries. Called once per problem, not per retry. */
    void problem(Problem problem);

    /** A problem reported earlier went away. */
    void cleared(ProblemCode code);

    /** A proxy was tested before being kept (profile {@code verify}). */
    default void verified(ProxyCheck check) {}

    /** A failed scan was seen, and this was done about it. */
    default void healing(Heal heal) {}
}
