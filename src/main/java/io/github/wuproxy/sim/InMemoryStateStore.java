package io.github.wuproxy.sim;

import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.Backup;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StateStore;
import java.util.Optional;

/** A state folder in memory; it outlives a simulated agent crash, like the real folder. */
public final class InMemoryStateStore implements StateStore {
    private Optional<Backup> backup = Optional.empty();
    private AgentState state = AgentState.INITIAL;
    private boolean full;

    /** Every save fails as on a full disk, until told otherwise. */
    public void setDiskFull(boolean value) {
        full = value;
    }

    @Override
    public Optional<Backup> backup() {
        return backup;
    }

    @Override
    public void saveBackup(Backup value) throws StateException {
        checkSpace();
        if (backup.isPresent()) {
            throw new StateException("a backup exists already; it is never replaced");
        }
        backup = Optional.of(value);
    }

    @Override
    public void deleteBackup() {
        backup = Optional.empty();
    }

    @Override
    public AgentState load() {
        return state;
    }

    @Override
    public void save(AgentState value) throws StateException {
        checkSpace();
        state = value;
    }

    private void checkSpace() throws StateException {
        if (full) {
            throw new StateException("There is not enough space on the disk (ERROR_DISK_FULL, 112) [simulated]");
        }
    }
}
