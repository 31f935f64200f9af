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
@Command(name = "restore", description = {
    "Put back the proxy settings this machine had before wuproxy first changed them.",
    "With --user: your own proxy settings (Settings > Proxy), as they were before wuproxy first set them.",
    "Stop the agent first, or it sets its own proxy again at the next change."})
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

    @Option(names = "--user", description = "Restore your own proxy settings instead of the machine's (run it as yourself, not elevated)")
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
            err.println("Could not read the backup: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (backup.isEmpty()) {
            out.println("Nothing to restore: wuproxy has not changed this machine's proxy settings.");
            return ExitCodes.OK;
        }
        try {
            UpdateProxyStore store = stores.open();
            store.restore(backup.get().original());
            String proxy = store.read().winHttp().map(UpdateProxy::describe).orElse("a value wuproxy does not interpret");
            out.println("Restored the proxy settings saved " + backup.get().takenAt() + ": Windows Update proxy " + proxy
                    + ". Restart Windows Update (or Windows) for it to take effect.");
            return ExitCodes.OK;
        } catch (StoreException e) {
            err.println("Could not restore the original proxy settings: " + e.getMessage()
                    + (e.reason() == StoreException.Reason.DENIED ? ". Run `wuproxy restore` from an elevated prompt." : "."));
            return e.reason() == StoreException.Reason.DENIED ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
        }
    }

    private Integer restoreUser(PrintWriter out, PrintWriter err) {
        if (users.isEmpty()) {
            err.println("`restore --user` is not available here.");
            return ExitCodes.FAILURE;
        }
        Optional<UserProxySnapshot> backup;
        try {
            backup = users.get().backups().backup();
        } catch (StateException e) {
            err.println("Could not read the backup of your proxy settings: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (backup.isEmpty()) {
            out.println("Nothing to restore: wuproxy has not changed your own proxy settings (or has put them back already).");
            return ExitCodes.OK;
        }
        try {
            UserProxyWriter writer = users.get().writer();
            writer.restore(backup.get());
            users.get().backups().deleteBackup();
            String now = writer.read().settings().map(UserProxySettings::describe).orElse("a value wuproxy does not interpret");
            out.println(Secrets.redact("Restored your own proxy settings from before wuproxy first changed them: " + now + "."));
            return ExitCodes.OK;
        } catch (StoreException e) {
            err.println("Could not restore your own proxy settings: " + e.getMessage() + ".");
            return e.reason() == StoreException.Reason.DENIED ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
        } catch (StateException e) {
            err.println("Restored your own proxy settings, but could not delete the backup: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
