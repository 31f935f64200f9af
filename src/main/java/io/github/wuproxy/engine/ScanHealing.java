package io.github.wuproxy.engine;

import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.ScanResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what a finished Windows Update scan calls for: heal a network-class failure with one new
 * scan at most every {@link SyncEngine#HEAL_INTERVAL}, and judge the scan that follows a heal.
 */
final class ScanHealing {
    private Optional<Instant> lastHeal = Optional.empty();
    private boolean awaitingRescan;

    /**
     * The action for {@code scan}, or empty for a successful scan nobody waited for. RESCANNED means
     * "heal now": the caller re-syncs, starts a scan, and says whether it could with {@link #rescanStarted}.
     */
    Optional<Heal.Action> decide(ScanResult scan, boolean paused, Instant now) {
        boolean afterHeal = awaitingRescan;
        awaitingRescan = false;
        if (scan.succeeded()) {
            return afterHeal ? Optional.of(Heal.Action.HEALED) : Optional.empty();
        }
        if (!UpdateErrors.resyncMayHelp(scan.error().getAsInt())) {
            return Optional.of(Heal.Action.NOT_A_NETWORK_ERROR);
        }
        if (paused) {
            return Optional.of(Heal.Action.PAUSED);
        }
        if (afterHeal) {
            return Optional.of(Heal.Action.STILL_FAILING);
        }
        if (lastHeal.filter(at -> Duration.between(at, now).compareTo(SyncEngine.HEAL_INTERVAL) < 0).isPresent()) {
            return Optional.of(Heal.Action.RATE_LIMITED);
        }
        lastHeal = Optional.of(now);
        return Optional.of(Heal.Action.RESCANNED);
    }

    /** The new scan of a heal was started; its result will be judged as the heal's outcome. */
    void rescanStarted() {
        awaitingRescan = true;
    }
}
