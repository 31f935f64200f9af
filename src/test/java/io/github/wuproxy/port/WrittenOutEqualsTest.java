package io.github.wuproxy.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.Reason;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (they are compared at every round of the
 * engine): each component counts, as in a record's own. A component added later without an
 * alternative value here fails, so whoever adds it looks at equals too.
 */
class WrittenOutEqualsTest {
    private static final UpdateProxy.Fixed CORP = UpdateProxy.fixed("proxy.corp.example:8080", "<local>");
    private static final UserProxySettings PAC = UserProxySettings.pac("http://wpad.corp.example/wpad.dat");
    private static final AgentStatus.ActiveProblem PROBLEM = new AgentStatus.ActiveProblem(
            new Problem(ProblemCode.SCAN_FAILED, Severity.WARNING, "what", "why", "do"), Instant.EPOCH);

    @Test
    void aFingerprintComparesItsValue() throws Exception {
        comparesEveryComponent(new LocationFingerprint("0123456789abcdef"), Map.of("value", "fedcba9876543210"));
    }

    @Test
    void aProbeRequestComparesEveryComponent() throws Exception {
        Set<String> other = Set.of("other.example");
        comparesEveryComponent(new ProbeRequest(Set.of("a.example"), Set.of("192.0.2.1"), Set.of("a.example:443"), Set.of("https://a.example/")),
                Map.of("hostsToResolve", other, "addressesToReverse", other, "endpoints", other, "beaconUrls", other));
    }

    @Test
    void theAgentsStateAndAManualChoiceCompareEveryComponent() throws Exception {
        ManualChoice choice = new ManualChoice("office", false, new LocationFingerprint("0123456789abcdef"));
        comparesEveryComponent(choice, Map.of("profileName", "home", "sticky", true, "madeAt", LocationFingerprint.OFFLINE));
        comparesEveryComponent(new AgentState(Optional.of(choice), false, true),
                Map.of("manual", Optional.empty(), "paused", true, "restartPending", false));
    }

    @Test
    void aFixedProxyComparesEveryComponent() throws Exception {
        comparesEveryComponent(CORP, Map.of("server", "other.example:3128", "bypass", ""));
    }

    @Test
    void theUsersSettingsCompareEveryComponent() throws Exception {
        comparesEveryComponent(new UserProxySettings(false, Optional.of("http://wpad.corp.example/wpad.dat"), Optional.of(CORP)),
                Map.of("autoDetect", true, "pacUrl", Optional.of("http://wpad.other.example/p.pac"), "manual", Optional.empty()));
    }

    @Test
    void aUserProxyStatusComparesEveryComponent() throws Exception {
        comparesEveryComponent(new UserProxyStatus(Optional.of(PAC), "profile office sets it", Optional.of(UserProxySettings.DIRECT)),
                Map.of("wanted", Optional.empty(), "why", "profile home keeps your own settings", "held", Optional.of(PAC),
                        "reason", Reason.of(Reason.Kind.USER_KEEPS, "home")));
    }

    @Test
    void anAgentStatusComparesEveryComponent() throws Exception {
        AgentStatus status = new AgentStatus("office", Selection.Basis.RULE, "dns-suffix corp.example", Optional.of(CORP), Optional.of(CORP),
                "Ethernet: DNS suffix corp.example", false, Optional.empty(), Optional.of(Instant.EPOCH), List.of(PROBLEM),
                new UserProxyStatus(Optional.of(PAC), "profile office sets it", Optional.of(PAC)), Optional.of(Instant.EPOCH));
        comparesEveryComponent(status, Map.ofEntries(Map.entry("profile", "home"), Map.entry("basis", Selection.Basis.FALLBACK),
                Map.entry("why", "no profile matches"), Map.entry("wanted", Optional.of(UpdateProxy.direct())), Map.entry("held", Optional.empty()),
                Map.entry("network", "offline"), Map.entry("paused", true),
                Map.entry("manual", Optional.of(new ManualChoice("office", true, LocationFingerprint.OFFLINE))),
                Map.entry("lastSync", Optional.empty()), Map.entry("problems", List.of()), Map.entry("userProxy", UserProxyStatus.UNKNOWN),
                Map.entry("nextScan", Optional.of(Instant.EPOCH.plusSeconds(3600))), Map.entry("reason", Reason.of(Reason.Kind.FALLBACK_OFFLINE))));
    }

    /** Equal copies are equal with one hash; a copy with any one component changed is not equal. */
    private static <R extends Record> void comparesEveryComponent(R base, Map<String, Object> alternatives) throws Exception {
        RecordComponent[] components = base.getClass().getRecordComponents();
        Constructor<?> canonical = base.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(base);
        }
        Object copy = canonical.newInstance(values.clone());
        assertEquals(base, copy);
        assertEquals(base.hashCode(), copy.hashCode());
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object alternative = alternatives.get(name);
            assertNotNull(alternative, base.getClass().getSimpleName() + "." + name + " has no alternative value here: give it one, "
                    + "and make sure the written-out equals and hashCode compare it");
            Object[] changed = values.clone();
            changed[i] = alternative;
            Object other = canonical.newInstance(changed);
            assertNotEquals(base, other, name);
            assertNotEquals(other, base, name);
        }
    }
}
