package io.github.wuproxy.engine;

import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UserProxyBackups;
import io.github.wuproxy.port.UserProxySnapshot;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.port.UserProxyWriter;
import java.util.Optional;

/**
 * Puts the user's own proxy where the status says it is wanted: reads what the user holds now,
 * backs it up before the first change (never replacing that backup), writes, and reads back. Runs
 * wherever the user's settings are writable: the tray in the user's session, or the simulation.
 */
public final class UserProxyKeeper {
    private final UserProxyWriter writer;
    private final UserProxyBackups backups;

    public UserProxyKeeper(UserProxyWriter writer, UserProxyBackups backups) {
        this.writer = writer;
        this.backups = backups;
    }

    /** What one round did. */
    public sealed interface Outcome {
        /** Nothing wanted, or the user holds it already. */
        record Unchanged() implements Outcome {}

        record Written(Optional<UserProxySettings> before, UserProxySettings now) implements Outcome {}

        record Failed(String why) implements Outcome {}
    }

    public Outcome keep(UserProxyStatus status) {
        if (status.wanted().isEmpty()) {
            return new Outcome.Unchanged();
        }
        UserProxySettings wanted = status.wanted().get();
        try {
            UserProxySnapshot now = writer.read();
            if (now.settings().equals(Optional.of(wanted))) {
                return new Outcome.Unchanged();
            }
            if (backups.backup().isEmpty()) {
                backups.saveBackup(now); // refused (a full disk): nothing is written
            }
            writer.write(wanted);
            UserProxySnapshot after = writer.read();
            if (!after.settings().equals(Optional.of(wanted))) {
                return new Outcome.Failed("your proxy settings read back as " + after.settings().map(UserProxySettings::describe)
                        .orElse("something wuproxy does not understand") + " after setting " + wanted.describe());
            }
            return new Outcome.Written(now.settings(), wanted);
        } catch (StoreException e) {
            return new Outcome.Failed("could not set your proxy to " + wanted.describe() + ": " + e.getMessage());
        } catch (StateException e) {
            return new Outcome.Failed("could not back up your proxy settings, so they were not changed: " + e.getMessage());
        }
    }
}
