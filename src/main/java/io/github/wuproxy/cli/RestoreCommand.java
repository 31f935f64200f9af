package io.github.wuproxy.cli;

import io.github.wuproxy.core.proxy.UpdateProxy;
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
import picocli.CommandLine.Spec;

/** {@code wuproxy restore}: the proxy settings from before wuproxy's first change, byte for byte. */
@Command(name = "restore", description = {
    "Put back the proxy settings this machine had before wuproxy first changed them.",
    "Stop the agent first, or it sets its own proxy again at the next change."})
public final class RestoreCommand implements Callable<Integer> {
    /** Opens the machine's proxy store. */
    public interface StoreOpener {
        UpdateProxyStore open() throws StoreException;
    }

    @Spec
    CommandSpec spec;

    private final StoreOpener stores;
    private final StateStore state;

    public RestoreCommand(StoreOpener stores, StateStore state) {
        this.stores = stores;
        this.state = state;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
}
