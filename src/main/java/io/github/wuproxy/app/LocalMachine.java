package io.github.wuproxy.app;

import io.github.wuproxy.cli.Machine;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.state.FileStateStore;
import java.nio.file.Path;

/** This machine's adapters for the CLI, opened only when a command needs them. */
final class LocalMachine implements Machine {
    private final AgentPaths paths;
    private Adapters adapters;

    LocalMachine(AgentPaths paths) {
        this.paths = paths;
    }

    private Adapters adapters() throws StoreException {
        if (adapters == null) {
            adapters = Adapters.forThisMachine(paths, AgentSettings.defaults());
        }
        return adapters;
    }

    @Override
    public UpdateProxyStore store() throws StoreException {
        return adapters().store();
    }

    @Override
    public UpdateService service() {
        return opened().service();
    }

    @Override
    public StateStore state() {
        return new FileStateStore(paths.state());
    }

    @Override
    public UserProxySource user() {
        return opened().user();
    }

    /** The adapters for calls that cannot report a store failure; the store failing to open is a bug by then. */
    private Adapters opened() {
        try {
            return adapters();
        } catch (StoreException e) {
            throw new IllegalStateException("this machine's proxy settings could not be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public Path socket() {
        return paths.socket();
    }
}
