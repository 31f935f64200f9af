package io.github.wuproxy.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileSelectorTest {
    private static Profile profile(String name, int priority, Condition... conditions) {
        List<MatchRule> when = conditions.length == 0 ? List.of() : List.of(new MatchRule(List.of(conditions), SourcePosition.UNKNOWN));
        return new Profile(name, ProfileKind.CUSTOM, "", priority, when, new ProxySource.Direct(), true, Verification.OFF, SourcePosition.UNKNOWN);
    }

    private final Profile office = profile("office", 100, new Condition.Category(List.of(NetworkCategory.DOMAIN_AUTHENTICATED)));
    private final Profile vpn = profile("vpn", 200, new Condition.InterfaceKind(List.of(LinkKind.VPN)));
    private final Profile wifi = profile("wifi", 100, new Condition.InterfaceKind(List.of(LinkKind.WIFI)));
    private final Profile roaming = profile("roaming", 0);
    private final ProfileSelector selector = new ProfileSelector(new ProfileSet(List.of(office, wifi, vpn, roaming), "roaming"));

    private static Situation at(String fixture) {
        return new Situation(Fixtures.location("network/" + fixture + "-edited.json"), UserProxySettings.DIRECT);
    }

    @Test
    void theHighestPriorityMatchWins() {
        Selection s = selector.select(at("corp-vpn"), Optional.empty());
        assertEquals("vpn", s.profile().name());
        assertEquals(Selection.Basis.RULE, s.basis());
        assertEquals("interface-kind vpn (Corp VPN)", s.why());
    }

    @Test
    void equalPrioritiesGoToTheNameFirstInOrder() {
        // corp-vpn also has Wi-Fi and the domain category: office and wifi tie below vpn.
        var withoutVpn = new ProfileSelector(new ProfileSet(List.of(wifi, office, roaming), "roaming"));
        assertEquals("office", withoutVpn.select(at("corp-vpn"), Optional.empty()).profile().name());
    }

    @Test
    void aRuleWithItsOwnPriorityBeatsAHigherProfile() {
        // office (100) matches corp-vpn by category; a kept rule of a lower profile, at 101, wins there and nowhere else.
        var kept = new Profile("home", ProfileKind.CUSTOM, "", 10, List.of(
                new MatchRule(List.of(new Condition.InterfaceKind(List.of(LinkKind.WIFI))), SourcePosition.UNKNOWN, java.util.OptionalInt.of(101))),
                new ProxySource.Direct(), true, Verification.OFF, SourcePosition.UNKNOWN);
        var withKept = new ProfileSelector(new ProfileSet(List.of(office, kept, roaming), "roaming"));
        assertEquals("home", withKept.select(at("corp-vpn"), Optional.empty()).profile().name());
        var below = new ProfileSelector(new ProfileSet(List.of(office, new Profile("home", ProfileKind.CUSTOM, "", 10, List.of(
                new MatchRule(List.of(new Condition.InterfaceKind(List.of(LinkKind.WIFI))), SourcePosition.UNKNOWN, java.util.OptionalInt.of(99))),
                new ProxySource.Direct(), true, Verification.OFF, SourcePosition.UNKNOWN), roaming), "roaming"));
        assertEquals("office", below.select(at("corp-vpn"), Optional.empty()).profile().name());
    }

    @Test
    void theFallbackSaysWhatTheNetworkLooksLike() {
        Selection s = selector.select(at("phone-tether"), Optional.empty());
        assertEquals("roaming", s.profile().name());
        assertEquals(Selection.Basis.FALLBACK, s.basis());
        assertEquals("no profile matches this network (Ethernet Ethernet 3: gateway 192.168.42.1; category public), "
                + "so the fallback applies", s.why());
        assertEquals("no profile matches this network (offline), so the fallback applies",
                selector.select(new Situation(NetworkLocation.offline(), UserProxySettings.DIRECT), Optional.empty()).why());
    }

    @Test
    void aManualChoiceWinsOnTheNetworkItWasMadeOn() {
        Situation home = at("home-wifi");
        var choice = new ManualChoice("office", false, home.location().fingerprint());
        Selection s = selector.select(home, Optional.of(choice));
        assertEquals("office", s.profile().name());
        assertEquals(Selection.Basis.MANUAL, s.basis());
        assertFalse(s.manualExpired());

        Selection elsewhere = selector.select(at("phone-tether"), Optional.of(choice));
        assertEquals("roaming", elsewhere.profile().name());
        assertTrue(elsewhere.manualExpired());
    }

    @Test
    void aStickyChoiceWinsEverywhere() {
        var choice = new ManualChoice("office", true, at("home-wifi").location().fingerprint());
        Selection s = selector.select(at("phone-tether"), Optional.of(choice));
        assertEquals("office", s.profile().name());
        assertEquals(Selection.Basis.STICKY, s.basis());
        assertEquals("chosen by hand, kept until you switch back to automatic", s.why());
    }

    @Test
    void aChoiceOfAProfileThatIsGoneExpires() {
        var choice = new ManualChoice("deleted", true, at("home-wifi").location().fingerprint());
        Selection s = selector.select(at("home-wifi"), Optional.of(choice));
        assertEquals("wifi", s.profile().name());
        assertTrue(s.manualExpired());
    }

    @Test
    void aRememberedSelectionHoldsOnlyForTheSameLocationObjectSettingsAndChoice() {
        Profile ownPac = profile("own-pac", 300, new Condition.UserProxy(List.of(UserProxySettings.Mode.PAC)));
        var profiles = new ProfileSet(List.of(office, wifi, vpn, roaming, ownPac), "roaming");
        var remembering = new ProfileSelector(profiles);
        NetworkLocation home = at("home-wifi").location();
        Optional<UserProxySettings> pac = Optional.of(UserProxySettings.pac("http://wpad.example.com/wpad.dat"));
        var byHand = Optional.of(new ManualChoice("office", true, home.fingerprint()));
        for (int round = 0; round < 3; round++) {
            assertEquals("wifi", remembering.select(new Situation(home, UserProxySettings.DIRECT), Optional.empty()).profile().name());
            assertEquals("own-pac", remembering.select(new Situation(home, pac), Optional.empty()).profile().name());
            assertEquals("office", remembering.select(new Situation(home, pac), byHand).profile().name());
            assertEquals("wifi", remembering.select(new Situation(home, Optional.empty()), Optional.empty()).profile().name());
        }
        // Many situations in turns, equal settings in new objects: each answer is the one a selector asked for the first time gives.
        List<NetworkLocation> places = List.of(home, at("corp-vpn").location(), at("phone-tether").location(), at("cafe-wifi").location(),
                at("corp-dock-wired").location(), NetworkLocation.offline());
        List<Optional<UserProxySettings>> users = List.of(Optional.empty(), Optional.of(UserProxySettings.DIRECT), pac,
                Optional.of(UserProxySettings.autoDetected()));
        for (int i = 0; i < 500; i++) {
            var situation = new Situation(places.get(i % places.size()), users.get(i / places.size() % users.size()));
            Optional<ManualChoice> manual = i % 7 == 0 ? Optional.of(new ManualChoice("vpn", i % 14 == 0, home.fingerprint())) : Optional.empty();
            assertEquals(new ProfileSelector(profiles).select(situation, manual), remembering.select(situation, manual), "situation " + i);
        }
    }

    @Test
    void aSetRefusesDuplicateNamesAndAMissingFallback() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ProfileSet(List.of(office, office), "office"))
                .getMessage().startsWith("two profiles are named office"));
        assertEquals("the fallback profile \"nowhere\" does not exist; profiles are office",
                assertThrows(IllegalArgumentException.class, () -> new ProfileSet(List.of(office), "nowhere")).getMessage());
    }

    @Test
    void aProfileNameIsChecked() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> profile("Office Wi-Fi", 1)).getMessage()
                .startsWith("profile name \"Office Wi-Fi\" must be"));
        assertEquals("p:1", new ProxySource.Fixed(UpdateProxy.fixed("p:1", "")).proxy().server());
    }
}
