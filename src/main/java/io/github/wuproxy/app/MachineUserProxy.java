package io.github.wuproxy.app;

import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.engine.UserProxyKeeper;
import io.github.wuproxy.port.AgentStatus;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under ProxySettingsPerUser = 0 the WinINet settings are the machine's: the service itself keeps
 * them where each status wants them (no tray may), and re-reads them after a change.
 */
final class MachineUserProxy implements Consumer<AgentStatus> {
    private static final Logger log = LoggerFactory.getLogger(MachineUserProxy.class);
    private final UserProxyKeeper keeper;
    private final Consumer<Consumer<SyncEngine>> post;

    MachineUserProxy(UserProxyKeeper keeper, Consumer<Consumer<SyncEngine>> post) {
        this.keeper = keeper;
        this.post = post;
    }

    @Override
    public void accept(AgentStatus status) {
        if (status.paused()) {
            return;
        }
        UserProxyKeeper.Outcome outcome = keeper.keep(status.userProxy());
        if (outcome instanceof UserProxyKeeper.Outcome.Failed failed) {
            log.warn("machine-wide proxy settings (ProxySettingsPerUser = 0): {}", failed.why());
        } else if (!(outcome instanceof UserProxyKeeper.Outcome.Unchanged)) {
            log.info("machine-wide proxy settings (ProxySettingsPerUser = 0): {} ({})", outcome.describe(), status.userProxy().why());
            post.accept(SyncEngine::userProxyChanged);
        }
    }
}
