package io.github.wuproxy.sim;

import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.UserProxyBackups;
import io.github.wuproxy.port.UserProxySnapshot;
import java.util.Optional;

/** One simulated user's backup of their own proxy settings. */
public final class InMemoryUserProxyBackups implements UserProxyBackups {
    private Optional<UserProxySnapshot> backup = Optional.empty();

    @Override
    public synchronized Optional<UserProxySnapshot> backup() {
        return backup;
    }

    @Override
    public synchronized void saveBackup(UserProxySnapshot original) throws StateException {
        if (backup.isPresent()) {
            throw new StateException("a backup of the user's proxy settings exists already; it is never replaced");
        }
        backup = Optional.of(original);
    }

    @Override
    public synchronized void deleteBackup() {
        backup = Optional.empty();
    }
}
