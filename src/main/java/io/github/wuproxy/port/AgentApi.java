package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.function.Consumer;

/**
 * Every verb of the running agent, one list for every front end: the tray of the agent uses it in
 * process, the tray of the service and the CLI over the local channel. A refusal says why.
 */
public interface AgentApi {
    AgentView view() throws AgentRefusal;

    /** Calls {@code listener} with the current view, then with every change, until closed. */
    AutoCloseable subscribe(Consumer<AgentView> listener);

    void use(String profile, boolean sticky) throws AgentRefusal;

    void auto() throws AgentRefusal;

    void sync() throws AgentRefusal;

    void pause() throws AgentRefusal;

    void resume() throws AgentRefusal;

    /** Syncs, then has Windows Update check for updates; returns what was done. */
    String scan() throws AgentRefusal;

    /**
     * Adds this network to the rules of {@code profile}; with {@code keep}, at a priority of its own above
     * the rule that wins here now, so that {@code profile} applies. Says what was done and what still applies.
     */
    Remembered remember(String profile, boolean keep) throws AgentRefusal;

    /** Sets the proxy by hand and pauses switching (reset: direct; import: the user's own); returns what was done. */
    ProxySetAnswer set(UpdateProxy proxy) throws AgentRefusal;

    void reload() throws AgentRefusal;
}
