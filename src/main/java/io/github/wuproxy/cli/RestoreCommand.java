package io.github.wuproxy.cli;

import io.github.wuproxy.core.proxy.Secrets;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxyBackups;
import io.github.wuproxy.port.UserProxySnapshot;
import io.github.wuproxy.port.UserProxyWriter;
import io.github.wuproxy.port.Backup;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UpdateProxyStore;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wuproxy restore}: the proxy settings from before wuproxy's first change, byte for byte. */
@Command(name = "restore")
public final class RestoreCommand implements Callable<Integer> {
    /** Opens the machine's proxy store. */
    public interface StoreOpener {
        UpdateProxyStore open() throws StoreException;
    }

    /** The user's own proxy settings and their backup, in the caller's own session. */
    public interface UserStores {
        UserProxyWriter writer() throws StoreException;

        UserProxyBackups backups();
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--user")
    boolean user;

    private final StoreOpener stores;
    private final StateStore state;
    private final Optional<UserStores> users;

    public RestoreCommand(StoreOpener stores, StateStore state) {
        this(stores, state, null);
    }

    public RestoreCommand(StoreOpener stores, StateStore state, UserStores users) {
        this.stores = stores;
        this.state = state;
        this.users = Optional.ofNullable(users);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (user) {
            return restoreUser(out, err);
        }
        Optional<Backup> backup;
        try {
            backup = state.backup();
        } catch (StateException e) {
            err.println(Texts.get("restore.backupUnreadable", e.getMessage()));
            return ExitCodes.FAILURE;
        }
        if (backup.isEmpty()) {
            out.println(Texts.get("restore.nothing"));
            return ExitCodes.OK;
        }
        try {
            UpdateProxyStore store = stores.open();
            store.restore(backup.get().original());
            String proxy = store.read().winHttp().map(UpdateProxy::describe).orElse(Texts.get("restore.uninterpreted"));
            out.println(Texts.get("restore.done", backup.get().takenAt(), proxy));
            return ExitCodes.OK;
        } catch (StoreException e) {
            err.println(Texts.get(e.reason() == StoreException.Reason.DENIED ? "restore.denied" : "restore.failed", e.getMessage()));
            return e.reason() == StoreException.Reason.DENIED ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
        }
    }

    private Integer restoreUser(PrintWriter out, PrintWriter err) {
        if (users.isEmpty()) {
            err.println(Texts.get("restore.userUnavailable"));
            return ExitCodes.FAILURE;
        }
        Optional<UserProxySnapshot> backup;
        try {
            backup = users.get().backups().backup();
        } catch (StateException e) {
            err.println(Texts.get("restore.userBackupUnreadable", e.getMessage()));
            return ExitCodes.FAILURE;
        }
        if (backup.isEmpty()) {
            out.println(Texts.get("restore.userNothing"));
            return ExitCodes.OK;
        }
        try {
            UserProxyWriter writer = users.get().writer();
            writer.restore(backup.get());
            users.get().backups().deleteBackup();
            String now = writer.read().settings().map(UserProxySettings::describe).orElse(Texts.get("restore.uninterpreted"));
            out.println(Secrets.redact(Texts.get("restore.userDone", now)));
            return ExitCodes.OK;
        } catch (StoreException e) {
            err.println(Texts.get("restore.userFailed", e.getMessage()));
            return e.reason() == StoreException.Reason.DENIED ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
        } catch (StateException e) {
            err.println(Texts.get("restore.userBackupKept", e.getMessage()));
            return ExitCodes.FAILURE;
        }
    }
}
