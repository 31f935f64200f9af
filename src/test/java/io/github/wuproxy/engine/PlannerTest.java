package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Situation to decision, as the engine, diagnose and simulate all get it. */
class PlannerTest {
    private static final UpdateProxy.Fixed CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private final SimulatedUserProxySource user = new SimulatedUserProxySource(UserProxySettings.DIRECT);
    private final Planner planner = new Planner(Fixtures.shippedProfiles(), user, new ProbedPacResolver());
    private final NetworkLocation office = Fixtures.location("network/corp-dock-wired-edited.json");
    private final NetworkLocation home = Fixtures.location("network/home-wifi-edited.json");

    @Test
    void theOfficeRuleChoosesCorporateWhichTakesTheUsersProxy() {
        user.set(UserProxySettings.fixed(CORP));
        Desired desired = planner.plan(office, Optional.empty());
        assertEquals("corporate", desired.selection().profile().name());
        assertEquals(Selection.Basis.RULE, desired.selection().basis());
        assertEquals(Optional.of(CORP), desired.proxy());
    }

    @Test
    void anUnknownNetworkFallsBackAndFollowsTheUser() {
        user.set(UserProxySettings.fixed(UpdateProxy.fixed("mine.example:8080", "")));
        Desired desired = planner.plan(home, Optional.empty());
        assertEquals(Selection.Basis.FALLBACK, desired.selection().basis());
        assertEquals(Optional.of(UpdateProxy.fixed("mine.example:8080", "")), desired.proxy());
    }

    @Test
    void aChoiceByHandWinsOnTheNetworkItWasMadeOn() {
        var choice = new ManualChoice("direct", false, office.fingerprint());
        Desired desired = planner.plan(office, Optional.of(choice));
        assertEquals("direct", desired.selection().profile().name());
        assertEquals(Selection.Basis.MANUAL, desired.selection().basis());
        assertEquals(Optional.of(UpdateProxy.direct()), desired.proxy());
    }

    @Test
    void behindACaptivePortalWindowsUpdateStaysDirect() {
        NetworkLocation portal = new NetworkLocation(office.name(), office.links(), office.category(), office.networkName(),
                office.probes(), true);
        Desired desired = planner.plan(portal, Optional.empty());
        assertEquals(Optional.of(UpdateProxy.direct()), desired.proxy());
        assertTrue(desired.selection().why().startsWith("behind a captive portal"), desired.selection().why());
    }

    @Test
    void followingAUserWhoseSettingsAreUnknownIsAProblemNotAGuess() {
        var unknown = new Planner(Fixtures.shippedProfiles(), Optional::empty, new ProbedPacResolver());
        Desired desired = unknown.plan(home, Optional.of(new ManualChoice("mobile", true, LocationFingerprint.OFFLINE)));
        assertEquals(Optional.empty(), desired.proxy());
        assertEquals(ProblemCode.PROXY_UNRESOLVED, desired.problem().orElseThrow().code());
    }

    @Test
    void itAsksOnlyForTheProbesTheRulesUse() {
        assertEquals(ProbeRequests.of(Fixtures.shippedProfiles()), planner.probes());
    }
}
