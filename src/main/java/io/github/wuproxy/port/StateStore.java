package io.github.wuproxy.port;

import java.util.Optional;

/** The agent's state folder: the original settings, written once, and what must survive a restart. */
public interface StateStore {
    Optional<Backup> backup() throws StateException;

    /** Saves the backup atomically; refuses to replace an existing one. */
    void saveBackup(Backup backup) throws StateException;

    /** Forgets the backup, after the originals were restored. */
    void deleteBackup() throws StateException;

    AgentState load() throws StateException;

    void save(AgentState state) throws StateException;
}
