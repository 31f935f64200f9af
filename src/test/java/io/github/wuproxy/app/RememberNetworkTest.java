package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.profile.ProfileSelector;
import io.github.wuproxy.core.profile.Situation;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Remember this network as": a rule in the machine's copy of the profile, which then matches here. */
class RememberNetworkTest {
    @Test
    void theMachineCopyGainsARuleThatMatchesThisNetwork(@TempDir Path machine) throws Exception {
        var home = Fixtures.location("network/home-wifi-edited.json");
        var user = UserProxySettings.fixed(io.github.wuproxy.core.proxy.UpdateProxy.fixed("p.example:8080", ""));
        var shipped = Fixtures.shippedProfiles();
        assertEquals("mobile", new ProfileSelector(shipped).select(new Situation(home, user), Optional.empty()).profile().name());

        Path file = RememberNetwork.remember(shipped.find("direct").orElseThrow(), home, machine, Instant.parse("2026-03-03T08:00:00Z"));
        assertEquals(machine.resolve("direct.conf"), file);
        assertTrue(Files.readString(file).endsWith("when += { gateway-mac = \"a4-2b-b0-11-22-33\" }\n"), Files.readString(file));

        var withMachine = new HoconProfileCatalog(List.of(Fixtures.shippedProfilesFolder(), machine), "mobile").load();
        var selection = new ProfileSelector(withMachine).select(new Situation(home, user), Optional.empty());
        assertEquals("direct", selection.profile().name());
        assertEquals("gateway-mac 192.168.1.1 (a4-2b-b0-11-22-33) on Wi-Fi", selection.why());

        RememberNetwork.remember(withMachine.find("direct").orElseThrow(), Fixtures.location("network/phone-tether-edited.json"), machine,
                Instant.parse("2026-03-04T08:00:00Z"));
        assertEquals(3, new HoconProfileCatalog(List.of(Fixtures.shippedProfilesFolder(), machine), "mobile").load()
                .find("direct").orElseThrow().when().size(), "the shipped rule and two remembered ones");
    }

    @Test
    void withoutAGatewayMacTheSsidOrSuffixOrSubnetIsUsed() {
        assertEquals(Optional.of("{ subnet = \"192.168.42.0/24\" }"), RememberNetwork.rule(Fixtures.location("network/phone-tether-edited.json")));
        assertEquals(Optional.empty(), RememberNetwork.rule(io.github.wuproxy.core.location.NetworkLocation.offline()));
    }
}
