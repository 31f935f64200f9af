package io.github.wuproxy.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.SyncStatus;
import io.github.wuproxy.testing.Fixtures;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tray's menu as a model, without a display. */
class TrayMenusTest {
    private final List<TrayMenus.Entry> profiles = TrayMenus.Entry.of(Fixtures.shippedProfiles().all());

    private static SyncStatus status(String profile, String basis, boolean paused) {
        return new SyncStatus(profile, basis, "network-category domain-authenticated (corp.example.com)",
                Optional.of(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")), "Ethernet: DNS suffix corp.example.com",
                paused, Optional.of(Instant.parse("2026-03-03T08:15:00Z")));
    }

    private TrayMenu menu(SyncStatus status, boolean mayPause, Optional<String> problem) {
        return TrayMenus.build(Optional.of(status), profiles, mayPause, problem, ZoneOffset.UTC);
    }

    private static List<String> labels(TrayMenu menu) {
        return menu.items().stream().map(item -> item instanceof TrayMenu.Action a ? a.label()
                : item instanceof TrayMenu.Choice c ? (c.checked() ? "[x] " : "[ ] ") + c.label()
                : item instanceof TrayMenu.Submenu m ? m.label() + " >" : "---").toList();
    }

    private static TrayMenu.Action action(TrayMenu menu, String id) {
        return menu.items().stream().filter(i -> i instanceof TrayMenu.Action a && a.id().equals(id))
                .map(TrayMenu.Action.class::cast).findFirst().orElseThrow();
    }

    @Test
    void automaticSelectionChecksAutomaticAndShowsWhy() {
        TrayMenu menu = menu(status("corporate", "rule", false), true, Optional.empty());
        assertEquals(List.of("[x] Automatic", "[ ] corporate", "[ ] direct", "[ ] mobile", "[ ] Keep this choice on every network", "---",
                "Sync now", "Check for updates now", "Remember this network as >", "Pause", "---", "Open profiles folder", "Open log folder", "Diagnose…", "About wuproxy", "Exit (wuproxy keeps working)"),
                labels(menu));
        assertEquals("corporate: network-category domain-authenticated (corp.example.com)", menu.statusLine());
        assertEquals(TrayMenu.Icon.CORPORATE, menu.icon());
        assertEquals("wuproxy corporate, WU proxy.corp.example.com:8080, synced 08:15", menu.tooltip());
        assertFalse(((TrayMenu.Choice) menu.items().get(4)).enabled(), "keeping needs a manual choice first");
    }

    @Test
    void aManualChoiceIsCheckedAndCanBeKept() {
        TrayMenu menu = menu(status("direct", "sticky", false), true, Optional.empty());
        assertEquals("[x] direct", labels(menu).get(2));
        assertEquals("[ ] Automatic", labels(menu).get(0));
        assertEquals("[x] Keep this choice on every network", labels(menu).get(4));
        assertEquals(TrayMenu.Icon.DIRECT, menu.icon());
    }

    @Test
    void itemsAUserMayNotUseAreDisabledAndSayWhy() {
        TrayMenu menu = menu(status("corporate", "rule", false), false, Optional.empty());
        var pause = action(menu, TrayMenus.PAUSE);
        assertFalse(pause.enabled());
        assertEquals("only administrators may pause wuproxy", pause.disabledReason());
        var remember = (TrayMenu.Submenu) menu.items().stream().filter(i -> i instanceof TrayMenu.Submenu).findFirst().orElseThrow();
        assertFalse(remember.enabled());
        assertEquals("only administrators may edit profiles", remember.disabledReason());
        assertEquals(3, remember.items().size());
    }

    @Test
    void pausedAndProblemStatesShowInTheIconAndStatusLine() {
        TrayMenu paused = menu(status("corporate", "rule", true), true, Optional.empty());
        assertEquals(TrayMenu.Icon.PAUSED, paused.icon());
        assertTrue(paused.statusLine().startsWith("Paused — corporate"));
        assertEquals("Resume", action(paused, TrayMenus.RESUME).label());
        assertFalse(action(paused, TrayMenus.SCAN).enabled());
        TrayMenu problem = menu(status("corporate", "rule", false), true,
                Optional.of("Could not set the Windows Update proxy to proxy.corp.example.com:8080 (bypass <local>)."));
        assertEquals(TrayMenu.Icon.PROBLEM, problem.icon());
        assertTrue(problem.statusLine().startsWith("Problem: Could not set"));
        assertTrue(problem.statusLine().length() <= 80);
    }

    @Test
    void beforeTheFirstStatusOnlyExitIsOffered() {
        TrayMenu starting = TrayMenus.build(Optional.empty(), profiles, true, Optional.empty(), ZoneOffset.UTC);
        assertEquals(1, starting.items().size());
    }
}
