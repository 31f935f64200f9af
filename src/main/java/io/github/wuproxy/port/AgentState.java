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

    /** As a record compares, written out: compared at every step of simulate, and the generated form is spun at run time. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof AgentState s && paused == s.paused && restartPending == s.restartPending && manual.equals(s.manual);
    }

    @Override
    public int hashCode() {
        return (manual.hashCode() * 31 + Boolean.hashCode(paused)) * 31 + Boolean.hashCode(restartPending);
    }

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
