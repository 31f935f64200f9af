package io.github.wuproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.profile.ProfileKind;
import io.github.wuproxy.core.profile.ProfileSelector;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.profile.Situation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The three shipped profiles do the right thing on a typical laptop without editing. */
class ShippedProfilesTest {
    private final ProfileSelector selector = new ProfileSelector(Fixtures.shippedProfiles());

    private Selection at(String fixture, UserProxySettings user) {
        return selector.select(new Situation(Fixtures.location("network/" + fixture + "-edited.json"), user), Optional.empty());
    }

    @Test
    void loadWithTheShippedAgentSettings() throws Exception {
        var settings = AgentSettingsLoader.load(java.nio.file.Path.of("agent", "agent.conf"));
        var set = HoconProfileCatalog.of(Fixtures.shippedProfilesFolder(), settings.fallbackProfile()).load();
        assertEquals(3, set.all().size());
        assertEquals(ProfileKind.CORPORATE, set.find("corporate").orElseThrow().kind());
        assertEquals(ProfileKind.DIRECT, set.find("direct").orElseThrow().kind());
        assertEquals(ProfileKind.MOBILE, set.fallback().kind());
    }

    @ParameterizedTest(name = "{0} with the user''s proxy {1} -> {2}")
    @CsvSource({
        "corp-dock-wired, pac,    corporate",
        "corp-dock-wired, direct, corporate",
        "corp-vpn,        fixed,  corporate",
        "home-wifi,       direct, direct",
        "home-wifi,       auto,   mobile",
        "cafe-wifi,       direct, direct",
        "phone-tether,    fixed,  mobile",
        "lte-modem,       direct, direct",
    })
    void pickTheRightProfileOnTypicalNetworks(String fixture, String userMode, String expected) {
        UserProxySettings user = switch (userMode) {
            case "pac" -> UserProxySettings.pac("http://wpad.corp.example.com/wpad.dat");
            case "fixed" -> UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"));
            case "auto" -> UserProxySettings.autoDetected();
            default -> UserProxySettings.DIRECT;
        };
        assertEquals(expected, at(fixture, user).profile().name());
    }

    @Test
    void explainWhyInWordsAUserKnows() {
        assertEquals("network-category domain-authenticated (corp.example.com)", at("corp-dock-wired", UserProxySettings.DIRECT).why());
        assertEquals("the user's own proxy is direct", at("home-wifi", UserProxySettings.DIRECT).why());
    }
}
