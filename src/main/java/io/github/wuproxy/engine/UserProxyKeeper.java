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
        /** For the log: setup-script URLs without their query ({@link UserProxySettings#describe()}). */
        String describe();

        /** Nothing wanted, or the user holds it already. */
        record Unchanged() implements Outcome {
            public String describe() {
                return "unchanged";
            }
        }

        record Written(Optional<UserProxySettings> before, UserProxySettings now) implements Outcome {
            public String describe() {
                return "set to " + now.describe() + " (was " + before.map(UserProxySettings::describe).orElse("unknown") + ")";
            }
        }

        /** The user's own settings, from before wuproxy's first change, are back byte for byte. */
        record Restored(Optional<UserProxySettings> now) implements Outcome {
            public String describe() {
                return "the user's own are back: " + now.map(UserProxySettings::describe).orElse("a value wuproxy does not interpret");
            }
        }

        record Failed(String why) implements Outcome {
            public String describe() {
                return why;
            }
        }
    }

    /**
     * One round: sets what {@code status} wants; when it wants nothing (the profile keeps the user's
     * own) and wuproxy changed them on another network, puts the user's own back.
     */
    public Outcome keep(UserProxyStatus status) {
        if (status.wanted().isEmpty()) {
            return restoreOwn();
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

    private Outcome restoreOwn() {
        try {
            Optional<UserProxySnapshot> own = backups.backup();
            if (own.isEmpty()) {
                return new Outcome.Unchanged();
            }
            if (!writer.read().equals(own.get())) {
                writer.restore(own.get());
            }
            backups.deleteBackup();
            return new Outcome.Restored(own.get().settings());
        } catch (StoreException e) {
            return new Outcome.Failed("could not put your own proxy settings back: " + e.getMessage());
        } catch (StateException e) {
            return new Outcome.Failed("could not read the backup of your proxy settings: " + e.getMessage());
        }
    }
}
