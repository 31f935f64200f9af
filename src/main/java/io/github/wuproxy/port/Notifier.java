package io.github.wuproxy.port;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.proxy.ProxyCheck;

/**
 * Where the engine's news goes: the one status every front end renders, and one-off events for
 * notifications, the log and the Event Log.
 */
public interface Notifier {
    /** The status changed: a new decision, a write, a pause, a problem raised or cleared. */
    void status(AgentStatus status);

    /** The proxy was changed to fit the network: once per settled change. */
    void applied(AppliedChange change);

    /** A problem became active (it outlasted its retries). Once per problem, until its cause clears. */
    void problem(Problem problem);

    /** A proxy was tested before being kept (profile {@code verify}). */
    default void verified(ProxyCheck check) {}

    /** A failed scan was seen, and this was done about it. */
    default void healing(Heal heal) {}

    /**
     * Windows Update's scheduled scan at {@code scan} is near, so the network and the proxy were
     * checked now: by the pre-scan job, or at once on a network change too close to the scan to settle.
     */
    default void preScan(java.time.Instant scan, boolean networkChange) {}
}
