package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A laptop's day over the shipped profiles: the WU proxy follows it, and Windows Update picks it up. */
class CommuteScenarioTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private static final UserProxySettings CORP_PAC = UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat");

    private final SimAgent laptop = SimAgent.withShippedProfiles();

    @Test
    void followsTheLaptopFromOfficeDockToPhoneTetherAndVpn() {
        laptop.userProxy(CORP_PAC).arriveAt("corp-dock-wired");
        assertEquals(CORP, laptop.store.current());
        assertEquals(CORP, laptop.effective(), "Windows Update was restarted to load it");
        assertEquals("corporate", laptop.notifier.lastStatus().profile());

        laptop.goOffline().settle().userProxy(UserProxySettings.DIRECT).arriveAt("cafe-wifi");
        assertEquals(UpdateProxy.direct(), laptop.effective());
        assertEquals("direct", laptop.notifier.lastStatus().profile());

        laptop.arriveAt("phone-tether");
        assertEquals(UpdateProxy.direct(), laptop.effective());

        laptop.moveTo("corp-vpn").userProxy(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")))
                .settle();
        assertEquals(CORP, laptop.effective());

        laptop.userProxy(UserProxySettings.DIRECT).arriveAt("home-wifi");
        assertEquals(UpdateProxy.direct(), laptop.effective());
        assertEquals(4, laptop.store.writes().size(), "one write per real change: corp, direct, corp, direct");
        assertEquals(4, laptop.service.restarts());
        assertTrue(laptop.notifier.problems.isEmpty(), laptop.notifier.problems.toString());
    }

    @Test
    void writesNothingUntilTheChangeSettles() {
        laptop.userProxy(CORP_PAC).moveTo("corp-dock-wired").advance(Duration.ofMillis(1999));
        assertEquals(UpdateProxy.direct(), laptop.store.current());
        laptop.advance(Duration.ofMillis(2));
        assertEquals(CORP, laptop.store.current());
    }

    @Test
    void aFlappingWifiGivesOneWrite() {
        laptop.userProxy(CORP_PAC);
        for (int i = 0; i < 100; i++) {
            laptop.moveTo(i % 2 == 0 ? "corp-dock-wired" : "cafe-wifi").advance(Duration.ofMillis(10));
        }
        laptop.moveTo("corp-dock-wired").settle();
        assertEquals(1, laptop.store.writes().size());
        assertEquals(CORP, laptop.effective());
    }

    @Test
    void sleepAcrossANetworkChangeIsCaughtOnResume() {
        laptop.userProxy(CORP_PAC).arriveAt("corp-dock-wired");
        laptop.engine().suspend();
        laptop.network.setQuietly(io.github.wuproxy.testing.Fixtures.location("network/home-wifi-edited.json"));
        laptop.advance(Duration.ofHours(10));
        laptop.userProxy(UserProxySettings.DIRECT); // ignored while suspended
        assertEquals(CORP, laptop.effective());
        laptop.engine().resume();
        laptop.settle();
        assertEquals(UpdateProxy.direct(), laptop.effective());
    }

    @Test
    void theUserSwitchingTheirOwnProxyOnAMobileNetworkIsFollowedAtOnce() {
        laptop.arriveAt("phone-tether");
        assertEquals("direct", laptop.notifier.lastStatus().profile());
        var own = UpdateProxy.fixed("10.0.0.1:3128", "<local>");
        laptop.userProxy(UserProxySettings.fixed(own));
        assertEquals("mobile", laptop.notifier.lastStatus().profile());
        assertEquals(own, laptop.effective());
        laptop.userProxy(UserProxySettings.DIRECT);
        assertEquals(UpdateProxy.direct(), laptop.effective());
    }

    @Test
    void ownWritesDoNotStartAnotherRound() {
        laptop.userProxy(CORP_PAC).arriveAt("corp-dock-wired").advance(Duration.ofMinutes(1));
        assertEquals(1, laptop.store.writes().size());
        assertTrue(laptop.notifier.problems.isEmpty(), laptop.notifier.problems.toString());
    }

    @Test
    void theOriginalSettingsAreBackedUpBeforeTheFirstChangeAndNeverReplaced() {
        SimAgent corporate = SimAgent.start(io.github.wuproxy.testing.Fixtures.shippedProfiles(),
                io.github.wuproxy.config.AgentSettings.defaults(), UpdateProxy.fixed("old.example:3128", "<local>"));
        byte[] original = io.github.wuproxy.format.WinHttpSettings.encode(UpdateProxy.fixed("old.example:3128", "<local>"));
        assertEquals(1, corporate.store.writes().size(), "the first start already set direct: offline, user direct");
        corporate.userProxy(UserProxySettings.DIRECT).arriveAt("home-wifi");
        corporate.userProxy(CORP_PAC).arriveAt("corp-dock-wired");
        var backup = corporate.state.backup().orElseThrow();
        assertEquals(java.util.HexFormat.of().formatHex(original), java.util.HexFormat.of().formatHex(backup.original().winHttpSettings()));
        assertEquals("MANUAL_PROXY old.example:3128 <local>", backup.original().bitsRaw().get("LOCALSYSTEM"));
    }
}
