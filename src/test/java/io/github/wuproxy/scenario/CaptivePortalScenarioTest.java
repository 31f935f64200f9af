package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.SimAgent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Behind a hotel's sign-in page Windows Update stays direct, and wuproxy looks again every 30 s. */
class CaptivePortalScenarioTest {
    @Test
    void staysDirectBehindAPortalAndFollowsTheNetworkOnceSignedIn() {
        SimAgent laptop = SimAgent.withShippedProfiles();
        var hotel = Fixtures.location("network/cafe-wifi-edited.json");
        laptop.userProxy(UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")));
        laptop.network.moveTo(hotel.withCaptivePortal(true));
        laptop.settle();
        assertEquals(UpdateProxy.direct(), laptop.effective());
        assertEquals("behind a captive portal: Windows Update stays direct until you sign in to this network",
                laptop.notifier.lastStatus().why());

        laptop.network.setQuietly(hotel); // signed in: no change signal, only the 30-second re-check notices
        laptop.advance(Duration.ofSeconds(30));
        assertEquals(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"), laptop.effective());
    }
}
