package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.port.Policy;
import io.github.wuproxy.tray.TrayMenu;
import io.github.wuproxy.tray.TrayMenus;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Group Policy values as the ADMX writes them, and what they change. */
class PolicyTest {
    private final Policy managed = RegistryPolicySource.interpret(Map.of(
            "ProfilesFolder", "\\\\fs.corp.example\\wuproxy\\profiles",
            "LockChoice", 0,
            "AllowedProfiles", new String[] {"corporate", "direct"},
            "SettleDelaySeconds", 5,
            "ForeignWrite", "Yield",
            "Notifications", 0));

    @Test
    void readsEveryValueTheTemplateWrites() {
        assertEquals(Optional.of(Path.of("\\\\fs.corp.example\\wuproxy\\profiles")), managed.profilesFolder());
        assertEquals(Set.of("corporate", "direct"), managed.allowedProfiles());
        assertEquals(Optional.of(Duration.ofSeconds(5)), managed.settleDelay());
        assertEquals(Optional.of("yield"), managed.foreignWrite());
        assertEquals(Optional.of(false), managed.notifications());
        assertEquals(Policy.NONE, RegistryPolicySource.interpret(Map.of("SettleDelaySeconds", 999, "ForeignWrite", "fight", "LockChoice", "1")),
                "values out of range or of the wrong type are not configured");
        assertEquals(Set.of("a", "b"), RegistryPolicySource.interpret(Map.of("AllowedProfiles", "a; b")).allowedProfiles());
    }

    @Test
    void policyWinsOverAgentConf() {
        AgentSettings settings = AgentSettings.defaults().withPolicy(managed);
        assertEquals(Duration.ofSeconds(5), settings.settleDelay());
        assertEquals(AgentSettings.ForeignWritePolicy.YIELD, settings.foreignWrite());
        assertFalse(settings.notifications());
        assertEquals(AgentSettings.defaults(), AgentSettings.defaults().withPolicy(Policy.NONE));
    }

    @Test
    void lockedAndNotAllowedChoicesAreRefusedAndGreyedOut() {
        assertEquals(Optional.of("managed by your organisation: only corporate, direct may be chosen by hand"), managed.refusesChoiceOf("mobile"));
        assertEquals(Optional.empty(), managed.refusesChoiceOf("direct"));
        Policy locked = new Policy(Optional.empty(), true, Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        var status = new io.github.wuproxy.port.AgentStatus("corporate", io.github.wuproxy.core.profile.Selection.Basis.RULE, "why",
                Optional.empty(), Optional.empty(), "", false, Optional.empty(), Optional.empty(), java.util.List.of());
        var offers = Fixtures.shippedProfiles().all().stream().map(p -> new io.github.wuproxy.port.AgentView.Offer(p.name(), p.kind(),
                locked.refusesChoiceOf(p.name()))).toList();
        TrayMenu menu = TrayMenus.build(new io.github.wuproxy.port.AgentView(Optional.of(status), offers,
                new io.github.wuproxy.port.AgentView.Rights(true, true, Optional.of("managed by your organisation")), Optional.empty()),
                Optional.empty(), ZoneOffset.UTC);
        assertTrue(menu.statusLine().startsWith("Managed — corporate"));
        assertTrue(menu.items().stream().filter(i -> i instanceof TrayMenu.Choice).map(TrayMenu.Choice.class::cast)
                .noneMatch(TrayMenu.Choice::enabled), "no choice can be made");
        var pause = menu.items().stream().filter(i -> i instanceof TrayMenu.Action a && a.id().equals(TrayMenus.PAUSE))
                .map(TrayMenu.Action.class::cast).findFirst().orElseThrow();
        assertEquals("managed by your organisation", pause.disabledReason());
    }
}
