package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.engine.UserProxyKeeper;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.sim.InMemoryUserProxyBackups;
import io.github.wuproxy.sim.SimulatedUserProxyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Under ProxySettingsPerUser = 0 the service keeps the machine's WinINet settings itself, and re-reads them after a change. */
class MachineUserProxyTest {
    private static final UserProxySettings OFFICE = UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example:8080", "<local>"));
    private final SimulatedUserProxyStore machine = SimulatedUserProxyStore.holding(OFFICE);
    private final List<Consumer<SyncEngine>> posted = new ArrayList<>();
    private final MachineUserProxy keeper = new MachineUserProxy(new UserProxyKeeper(machine, new InMemoryUserProxyBackups()), posted::add);

    private static AgentStatus home(boolean paused) {
        return new AgentStatus("home", Selection.Basis.RULE, "ssid Home", Optional.of(UpdateProxy.direct()), Optional.of(UpdateProxy.direct()),
                "Wi-Fi", paused, Optional.empty(), Optional.empty(), List.of(),
                new UserProxyStatus(Optional.of(UserProxySettings.DIRECT), "profile home sets it", Optional.of(OFFICE)), Optional.empty());
    }

    @Test
    void setsTheMachinesSettingsAndAsksTheEngineToReadThemAgain() {
        keeper.accept(home(false));
        assertEquals(Optional.of(UserProxySettings.DIRECT), machine.current());
        assertEquals(1, posted.size());
        keeper.accept(home(false));
        assertEquals(1, machine.writes(), "the next status finds them set");
        assertEquals(1, posted.size());
    }

    @Test
    void pausedChangesNothing() {
        keeper.accept(home(true));
        assertEquals(Optional.of(OFFICE), machine.current());
        assertEquals(0, posted.size());
    }
}
