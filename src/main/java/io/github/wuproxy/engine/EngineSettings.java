package io.github.wuproxy.engine;

import java.time.Duration;
import java.util.List;

/**
 * What the engine needs of the agent's settings; the composition root builds it from {@code agent.conf}.
 *
 * @param settleDelay how long a burst of change signals must be quiet before the location is re-read
 * @param driftCheckInterval how often the proxy is checked though nothing announced a change
 * @param retryDelays waits before each retry of a failed round
 * @param foreignWrite what to do when another program rewrites the proxy
 * @param preScanLead how long before Windows Update's next scheduled scan the network and proxy are checked
 */
public record EngineSettings(
        Duration settleDelay,
        Duration driftCheckInterval,
        List<Duration> retryDelays,
        boolean restartUpdateService,
        ForeignWrite foreignWrite,
        Duration preScanLead) {

    /** {@code pre-scan-lead}'s default in reference.conf. */
    public static final Duration DEFAULT_PRE_SCAN_LEAD = Duration.ofMinutes(2);

    public EngineSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    public EngineSettings(Duration settleDelay, Duration driftCheckInterval, List<Duration> retryDelays, boolean restartUpdateService,
            ForeignWrite foreignWrite) {
        this(settleDelay, driftCheckInterval, retryDelays, restartUpdateService, foreignWrite, DEFAULT_PRE_SCAN_LEAD);
    }

    /** What to do when another program rewrites the WinHTTP proxy. */
    public enum ForeignWrite {
        /** Write ours back. */
        REASSERT,
        /** Leave theirs until the network changes, and say so. */
        YIELD
    }
}
