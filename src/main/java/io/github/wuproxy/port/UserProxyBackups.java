package io.github.wuproxy.port;

import java.util.Optional;

/** One user's own proxy settings from before wuproxy first changed them, kept where only that user writes. */
public interface UserProxyBackups {
    Optional<UserProxySnapshot> backup() throws StateException;

    /** Saves the backup; refuses to replace an existing one. */
    void saveBackup(UserProxySnapshot original) throws StateException;

    /** Forgets the backup, after the originals were restored. */
    void deleteBackup() throws StateException;
}
