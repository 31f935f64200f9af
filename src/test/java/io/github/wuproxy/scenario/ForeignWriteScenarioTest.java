package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Another program rewrites the WinHTTP proxy: wuproxy reasserts, or yields when told to. */
class ForeignWriteScenarioTest {
    private static final UpdateProxy.Fixed CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private static final UpdateProxy VPN_CLIENT = UpdateProxy.fixed("vpnproxy.example:3128", "");

    @Test
    void reassertsItsProxyByDefault() {
        SimAgent laptop = SimAgent.withShippedProfiles();
        laptop.userProxy(UserProxySettings.fixed(CORP)).arriveAt("corp-dock-wired");
        laptop.store.foreignWrite(VPN_CLIENT);
        laptop.advance(Duration.ZERO);
        assertEquals(CORP, laptop.store.current());
        assertEquals(ProblemCode.FOREIGN_WRITE, laptop.notifier.lastProblem().orElseThrow().code());
    }

    @Test
    void yieldsUntilTheNetworkChangesWhenToldTo() {
        var settings = AgentSettings.defaults().withForeignWrite(AgentSettings.ForeignWritePolicy.YIELD);
        SimAgent laptop = SimAgent.start(Fixtures.shippedProfiles(), settings, UpdateProxy.direct());
        laptop.userProxy(UserProxySettings.fixed(CORP)).arriveAt("corp-dock-wired");
        laptop.store.foreignWrite(VPN_CLIENT);
        laptop.advance(Duration.ofMinutes(30));
        assertEquals(VPN_CLIENT, laptop.store.current(), "left alone through drift checks");
        laptop.arriveAt("corp-vpn");
        assertEquals(CORP, laptop.store.current());
    }
}
