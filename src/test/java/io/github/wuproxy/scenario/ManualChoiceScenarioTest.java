package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Choosing a profile by hand, keeping it, and pausing: from the tray or the CLI. */
class ManualChoiceScenarioTest {
    private static final UpdateProxy.Fixed CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private final SimAgent laptop = SimAgent.withShippedProfiles();

    @Test
    void aManualChoiceLastsUntilTheNetworkChanges() {
        laptop.userProxy(UserProxySettings.fixed(CORP)).arriveAt("home-wifi");
        assertEquals("mobile", laptop.notifier.lastStatus().profile());
        laptop.engine().use("direct", false);
        assertEquals(UpdateProxy.direct(), laptop.effective());
        assertEquals(io.github.wuproxy.core.profile.Selection.Basis.MANUAL, laptop.notifier.lastStatus().basis());

        laptop.engine().driftCheck();
        assertEquals(UpdateProxy.direct(), laptop.effective(), "same network: the choice holds");

        laptop.arriveAt("cafe-wifi");
        assertEquals("mobile", laptop.notifier.lastStatus().profile());
        assertEquals(CORP, laptop.effective());
        assertTrue(laptop.state.load().manual().isEmpty(), "the expired choice is forgotten");
    }

    @Test
    void aStickyChoiceLastsUntilAutomaticAndSurvivesARestart() {
        laptop.arriveAt("home-wifi");
        laptop.engine().use("corporate", true);
        laptop.userProxy(UserProxySettings.fixed(CORP));
        assertEquals(CORP, laptop.effective());
        laptop.arriveAt("phone-tether").crashAndRestart();
        assertEquals(io.github.wuproxy.core.profile.Selection.Basis.STICKY, laptop.notifier.lastStatus().basis());
        assertEquals(CORP, laptop.effective());

        laptop.engine().useAutomatic();
        assertEquals("mobile", laptop.notifier.lastStatus().profile());
    }

    @Test
    void anUnknownProfileIsRefusedWithTheNamesThatExist() {
        var e = assertThrows(IllegalArgumentException.class, () -> laptop.engine().use("office", false));
        assertEquals("there is no profile office; profiles are corporate, direct, mobile", e.getMessage());
    }

    @Test
    void pauseStopsAllWritesUntilResumedEvenAcrossARestart() {
        laptop.arriveAt("home-wifi");
        int writes = laptop.store.writes().size();
        laptop.engine().setPaused(true);
        laptop.userProxy(UserProxySettings.fixed(CORP)).arriveAt("corp-dock-wired").advance(Duration.ofHours(1));
        laptop.crashAndRestart().advance(Duration.ofMinutes(20));
        assertEquals(writes, laptop.store.writes().size());
        assertTrue(laptop.notifier.lastStatus().paused());

        laptop.engine().setPaused(false);
        assertEquals(CORP, laptop.effective());
    }
}
