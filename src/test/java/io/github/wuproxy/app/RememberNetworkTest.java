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
        RememberNetwork.remember(withMachine.find("direct").orElseThrow(), home, machine, Instant.parse("2026-03-05T08:00:00Z"));
        assertEquals(3, new HoconProfileCatalog(List.of(Fixtures.shippedProfilesFolder(), machine), "mobile").load()
                .find("direct").orElseThrow().when().size(), "remembering a network again adds no second rule");
    }

    @Test
    void withoutAGatewayMacTheSsidOrSuffixOrSubnetIsUsed() {
        assertEquals(Optional.of("{ subnet = \"192.168.42.0/24\" }"), RememberNetwork.rule(Fixtures.location("network/phone-tether-edited.json")));
        assertEquals(Optional.empty(), RememberNetwork.rule(io.github.wuproxy.core.location.NetworkLocation.offline()));
    }

    /** The home Wi-Fi of the fixtures, under another SSID. */
    private static io.github.wuproxy.core.location.NetworkLocation homeWifiNamed(String ssid) {
        return wifi(ssid, true);
    }

    /** A Wi-Fi named {@code ssid} with no address on the home subnet. */
    private static io.github.wuproxy.core.location.NetworkLocation elsewhereNamed(String ssid) {
        return wifi(ssid, false);
    }

    private static io.github.wuproxy.core.location.NetworkLocation wifi(String ssid, boolean homeAddresses) {
        var home = Fixtures.location("network/home-wifi-edited.json");
        var link = home.links().get(0);
        var wifi = new io.github.wuproxy.core.location.NetworkLink(link.name(), link.kind(), "", homeAddresses ? link.addresses() : List.of(),
                List.of(), link.dnsServers(), Optional.of(ssid));
        return new io.github.wuproxy.core.location.NetworkLocation("", List.of(wifi), home.category(), "", null);
    }

    /** SSIDs are chosen by whoever runs the access point: each must stay one quoted string. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"x\nwhen+={ssid=\"*\"}", "a\" }\nwhen += [{ ssid = \"*\" }]\n#",
        "}\r\nproxy = direct\r\n#", "# \\\" ${x} \u2028when+={ssid=\"*\"}", "\u0000\u001b[2J\u0085when += { ssid = \"*\" }",
        "\"\"\"\nwhen += { ssid = \"*\" }\n\"\"\"", "include file(\"/etc/passwd\")", "x // y /* z"})
    void aHostileSsidStaysOneQuotedStringAndAddsOneRuleForItselfOnly(String ssid, @TempDir Path machine) throws Exception {
        var there = homeWifiNamed(ssid);
        var shipped = Fixtures.shippedProfiles();
        int before = shipped.find("corporate").orElseThrow().when().size();

        RememberNetwork.remember(shipped.find("corporate").orElseThrow(), there, machine, Instant.parse("2026-03-03T08:00:00Z"));

        var withMachine = new HoconProfileCatalog(List.of(Fixtures.shippedProfilesFolder(), machine), "mobile").load(); // `check` passes
        var corporate = withMachine.find("corporate").orElseThrow();
        assertEquals(before + 1, corporate.when().size(), Files.readString(machine.resolve("corporate.conf")));
        var user = UserProxySettings.fixed(io.github.wuproxy.core.proxy.UpdateProxy.fixed("p.example:8080", ""));
        assertEquals("corporate", new ProfileSelector(withMachine).select(new Situation(there, user), Optional.empty()).profile().name());
        var elsewhere = elsewhereNamed("Cafe");
        assertEquals("mobile", new ProfileSelector(withMachine).select(new Situation(elsewhere, user), Optional.empty()).profile().name(),
                "the remembered rule matches this SSID only");
    }

    @Test
    void doesNotWriteThroughALinkPlantedInPlaceOfTheMachineCopy(@TempDir Path folder) throws Exception {
        Path machine = Files.createDirectory(folder.resolve("profiles"));
        Path victim = Files.writeString(folder.resolve("victim"), "keep\n");
        Files.createSymbolicLink(machine.resolve("direct.conf"), victim);
        var home = Fixtures.location("network/home-wifi-edited.json");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> RememberNetwork.remember(Fixtures.shippedProfiles().find("direct").orElseThrow(), home, machine, Instant.EPOCH));
        assertEquals("keep\n", Files.readString(victim));
    }

    /** A hotspot named "*" (or "Cafe*") remembered as direct must not make every network direct: its SSID is no pattern. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"*", "Cafe*", "*Corp*"})
    void anSsidWithAStarIsNotRememberedAsAPattern(String ssid, @TempDir Path machine) throws Exception {
        var there = homeWifiNamed(ssid);
        assertTrue(RememberNetwork.rule(there).orElseThrow().startsWith("{ subnet = "), RememberNetwork.rule(there).toString());

        RememberNetwork.remember(Fixtures.shippedProfiles().find("direct").orElseThrow(), there, machine, Instant.EPOCH, java.util.OptionalInt.of(500));
        RememberNetwork.remember(Fixtures.shippedProfiles().find("direct").orElseThrow(), there, machine, Instant.EPOCH, java.util.OptionalInt.of(500));
        var withMachine = new HoconProfileCatalog(List.of(Fixtures.shippedProfilesFolder(), machine), "mobile").load();
        assertEquals(Fixtures.shippedProfiles().find("direct").orElseThrow().when().size() + 1, withMachine.find("direct").orElseThrow().when().size(),
                "keeping twice writes one rule");
        var elsewhere = elsewhereNamed("Cafe Corp Guest");
        var user = UserProxySettings.fixed(io.github.wuproxy.core.proxy.UpdateProxy.fixed("p.example:8080", ""));
        assertEquals("mobile", new ProfileSelector(withMachine).select(new Situation(elsewhere, user), Optional.empty()).profile().name());
    }
}
