package io.github.wuproxy.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The agent's settings from {@code agent.conf} over the defaults in {@code reference.conf}.
 *
 * @param settleDelay how long a burst of change signals must be quiet before the location is re-read
 * @param retryDelays waits before each retry of a failed write
 * @param preScanLead how long before Windows Update's next scheduled scan the network and the proxy are checked
 */
public record AgentSettings(
        String fallbackProfile,
        Duration settleDelay,
        Duration driftCheckInterval,
        Duration probeTimeout,
        ForeignWritePolicy foreignWrite,
        boolean restartUpdateService,
        List<Duration> retryDelays,
        String captivePortalUrl,
        boolean notifications,
        String logLevel,
        Duration preScanLead) {

    public AgentSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    /** The defaults, as {@code reference.conf} has them. */
    public static AgentSettings defaults() {
        return AgentSettingsLoader.defaults();
    }

    public AgentSettings withSettleDelay(Duration delay) {
        return new AgentSettings(fallbackProfile, delay, driftCheckInterval, probeTimeout, foreignWrite,
                restartUpdateService, retryDelays, captivePortalUrl, notifications, logLevel, preScanLead);
    }

    public AgentSettings withPreScanLead(Duration lead) {
        return new AgentSettings(fallbackProfile, settleDelay, driftCheckInterval, probeTimeout, foreignWrite,
                restartUpdateService, retryDelays, captivePortalUrl, notifications, logLevel, lead);
    }

    public AgentSettings withForeignWrite(ForeignWritePolicy policy) {
        return new AgentSettings(fallbackProfile, settleDelay, driftCheckInterval, probeTimeout, policy,
                restartUpdateService, retryDelays, captivePortalUrl, notifications, logLevel, preScanLead);
    }

    /** These settings with what the organisation's policy decided put over them. */
    public AgentSettings withPolicy(io.github.wuproxy.port.Policy policy) {
        return new AgentSettings(fallbackProfile, policy.settleDelay().orElse(settleDelay), driftCheckInterval, probeTimeout,
                policy.foreignWrite().map(w -> w.equals("yield") ? ForeignWritePolicy.YIELD : ForeignWritePolicy.REASSERT).orElse(foreignWrite),
                restartUpdateService, retryDelays, captivePortalUrl, policy.notifications().orElse(notifications), logLevel, preScanLead);
    }

    /** What the engine needs of these settings. */
    public io.github.wuproxy.engine.EngineSettings engine() {
        return new io.github.wuproxy.engine.EngineSettings(settleDelay, driftCheckInterval, retryDelays, restartUpdateService,
                foreignWrite == ForeignWritePolicy.YIELD ? io.github.wuproxy.engine.EngineSettings.ForeignWrite.YIELD
                        : io.github.wuproxy.engine.EngineSettings.ForeignWrite.REASSERT, preScanLead);
    }

    /** What to do when another program rewrites the WinHTTP proxy. */
    public enum ForeignWritePolicy {
        /** Write ours back. */
        REASSERT,
        /** Leave theirs until the network changes, and say so. */
        YIELD;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
