package io.github.wuproxy.cli;

import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.port.UserProxySource;
import java.nio.file.Path;

/** This machine's settings, for commands that act directly when no agent runs. */
public interface Machine {
    UpdateProxyStore store() throws StoreException;

    UpdateService service();

    StateStore state();

    /** The caller's own proxy settings (the CLI runs in the user's session). */
    UserProxySource user();

    /** Where a running agent listens. */
    Path socket();
}
