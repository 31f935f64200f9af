package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileKind;
import io.github.wuproxy.core.profile.ProxySource;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.profile.SourcePosition;
import io.github.wuproxy.core.profile.Reason;
import io.github.wuproxy.core.profile.UserProxyChoice;
import io.github.wuproxy.core.profile.Verification;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxyStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a profile's user-proxy asks of the user's own proxy, beside the Windows Update proxy. */
class UserProxyPlanTest {
    private static final UpdateProxy.Fixed OFFICE = UpdateProxy.fixed("proxy.corp.example:8080", "<local>");
    private static final UserProxySettings USERS_OFFICE = UserProxySettings.fixed(OFFICE);

    private static Desired desired(UserProxyChoice choice, Optional<UpdateProxy> wu) {
        Profile home = new Profile("home", ProfileKind.DIRECT, "", 0, List.of(), new ProxySource.Direct(), true, Verification.OFF,
                new SourcePosition("home.conf", 1), choice);
        Selection selection = new Selection(home, Selection.Basis.RULE, "ssid Home", false);
        return wu.map(p -> Desired.of(selection, p, ""))
                .orElseGet(() -> Desired.unresolved(selection, new Problem(ProblemCode.PROXY_UNRESOLVED, Severity.ERROR, "x", "y", "z")));
    }

    @Test
    void keepWantsNothingAndShowsWhatTheUserHolds() {
        UserProxyStatus plan = UserProxyPlan.plan(desired(UserProxyChoice.KEEP, Optional.of(UpdateProxy.direct())), Optional.of(USERS_OFFICE));
        assertEquals(Optional.empty(), plan.wanted());
        assertFalse(plan.needsWrite());
        assertEquals("profile home keeps your own settings", plan.why());
        assertEquals(Reason.of(Reason.Kind.USER_KEEPS, "home"), plan.reason());
    }

    @Test
    void sameFollowsWhatWindowsUpdateGets() {
        UserProxyStatus direct = UserProxyPlan.plan(desired(UserProxyChoice.SAME, Optional.of(UpdateProxy.direct())), Optional.of(USERS_OFFICE));
        assertEquals(Optional.of(UserProxySettings.DIRECT), direct.wanted());
        assertTrue(direct.needsWrite());
        UserProxyStatus office = UserProxyPlan.plan(desired(UserProxyChoice.SAME, Optional.of(OFFICE)), Optional.of(USERS_OFFICE));
        assertEquals(Optional.of(USERS_OFFICE), office.wanted());
        assertFalse(office.needsWrite(), "the user holds it already");
    }

    @Test
    void sameLeavesTheUserAloneWhenWindowsUpdatesProxyIsNotKnown() {
        UserProxyStatus plan = UserProxyPlan.plan(desired(UserProxyChoice.SAME, Optional.empty()), Optional.of(USERS_OFFICE));
        assertEquals(Optional.empty(), plan.wanted());
        assertTrue(plan.why().contains("could not be worked out"), plan.why());
        assertEquals(Reason.of(Reason.Kind.USER_SAME_UNKNOWN, "home"), plan.reason());
    }

    @Test
    void givenSettingsAreWantedWhateverWindowsUpdateGets() {
        var pac = UserProxySettings.pac("http://wpad.home.example/p.pac");
        UserProxyStatus plan = UserProxyPlan.plan(desired(new UserProxyChoice.Exactly(pac), Optional.of(UpdateProxy.direct())), Optional.empty());
        assertEquals(Optional.of(pac), plan.wanted());
        assertTrue(plan.needsWrite(), "unknown held settings are written");
        assertEquals("profile home sets it", plan.why());
        assertEquals(Reason.of(Reason.Kind.USER_SETS, "home"), plan.reason());
    }
}
