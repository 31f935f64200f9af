package io.github.wuproxy.port;

import io.github.wuproxy.core.profile.ManualChoice;
import java.util.Optional;

/**
 * What survives an agent restart.
 *
 * @param restartPending a write succeeded but Windows Update was not yet restarted to load it
 */
public record AgentState(Optional<ManualChoice> manual, boolean paused, boolean restartPending) {
    public static final AgentState INITIAL = new AgentState(Optional.empty(), false, false);

    public AgentState withManual(Optional<ManualChoice> choice) {
        return new AgentState(choice, paused, restartPending);
    }

    public AgentState withPaused(boolean value) {
        return new AgentState(manual, value, restartPending);
    }

    public AgentState withRestartPending(boolean value) {
        return new AgentState(manual, paused, value);
    }
}
