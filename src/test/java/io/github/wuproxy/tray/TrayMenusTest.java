package io.github.wuproxy.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import io.github.wuproxy.testing.Fixtures;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tray's menu as a model, without a display. */
class TrayMenusTest {
    static final List<AgentView.Offer> PROFILES = Fixtures.shippedProfiles().all().stream()
            .map(p -> new AgentView.Offer(p.name(), p.kind(), Optional.empty())).toList();

    static AgentStatus status(String profile, String basis, boolean paused) {
        var proxy = Optional.<UpdateProxy>of(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"));
        return new AgentStatus(profile, Selection.Basis.valueOf(basis.toUpperCase(java.util.Locale.ROOT)),
                "network-category domain-authenticated (corp.example.com)", proxy, proxy, "Ethernet: DNS suffix corp.example.com",
                paused, Optional.empty(), Optional.of(Instant.parse("2026-03-03T08:15:00Z")), List.of());
    }

    private TrayMenu menu(AgentStatus status, boolean admin, Optional<String> problem) {
        return TrayMenus.build(new AgentView(Optional.of(status), PROFILES, new AgentView.Rights(true, admin, Optional.empty()),
                Optional.empty()), problem, ZoneOffset.UTC);
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
        assertEquals(List.of("[x] Automatic", "[ ] corporate", "[ ] direct", "[ ] mobile", "[ ] Keep this choice on every network (choose a profile first)", "---",
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
        TrayMenu starting = TrayMenus.build(new AgentView(Optional.empty(), PROFILES, new AgentView.Rights(true, true, Optional.empty()),
                Optional.empty()), Optional.empty(), ZoneOffset.UTC);
        assertEquals(1, starting.items().size());
        assertEquals("wuproxy is starting…", starting.statusLine());
    }

    @Test
    void aServiceThatDoesNotAnswerShowsAsAProblem() {
        TrayMenu gone = TrayMenus.build(AgentView.unavailable("no wuproxy agent answers"), Optional.empty(), ZoneOffset.UTC);
        assertEquals(TrayMenu.Icon.PROBLEM, gone.icon());
        assertEquals("Problem: no wuproxy agent answers", gone.statusLine());
    }

    @Test
    void theActiveProblemsShowTheNewestAndHowManyMore() {
        var since = Instant.parse("2026-03-03T08:00:00Z");
        var older = new AgentStatus.ActiveProblem(new Problem(ProblemCode.PROXY_UNRESOLVED, Severity.ERROR,
                "Could not work out the Windows Update proxy", "why", "what"), since);
        var newer = new AgentStatus.ActiveProblem(new Problem(ProblemCode.SCAN_FAILED, Severity.WARNING,
                "Windows Update still fails to check for updates", "why", "what"), since.plusSeconds(60));
        TrayMenu two = menu(status("corporate", "rule", false).withProblems(List.of(older, newer)), true, Optional.empty());
        assertEquals("Problem: Windows Update still fails to check for updates (WUP600) (+1 more)", two.statusLine());
        assertEquals(TrayMenu.Icon.PROBLEM, two.icon());
        TrayMenu one = menu(status("corporate", "rule", false).withProblems(List.of(older)), true, Optional.empty());
        assertEquals("Problem: Could not work out the Windows Update proxy for this profile (WUP400)", one.statusLine());
    }

    @Test
    void theTooltipShowsTheProxyWindowsHoldsNotTheOneWanted() {
        TrayMenu menu = menu(status("corporate", "rule", true).withHeld(Optional.of(UpdateProxy.direct())), true, Optional.empty());
        assertTrue(menu.tooltip().contains("WU direct"), menu.tooltip());
    }

    @Test
    void theUsersOwnProxyShowsInTheTooltipAndAsALineThatSaysWhy() {
        var office = io.github.wuproxy.core.proxy.UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"));
        var direct = io.github.wuproxy.core.proxy.UserProxySettings.DIRECT;
        TrayMenu pending = menu(status("home", "rule", false).withUserProxy(new io.github.wuproxy.port.UserProxyStatus(Optional.of(direct),
                "profile home sets it", Optional.of(office))), true, Optional.empty());
        assertEquals("wuproxy home, WU proxy.corp.example.com:8080, you proxy.corp.ex…", pending.tooltip());
        TrayMenu.Action line = action(pending, TrayMenus.USER_PROXY);
        assertEquals("Your proxy: proxy proxy.corp.example.com:8080 (bypass <local>) (profile home sets it; being set to direct)",
                line.label());
        assertEquals(false, line.enabled());
        TrayMenu done = menu(status("home", "rule", false).withHeld(Optional.of(UpdateProxy.direct())).withUserProxy(
                new io.github.wuproxy.port.UserProxyStatus(Optional.of(direct), "profile home sets it", Optional.of(direct))), true, Optional.empty());
        assertEquals("wuproxy home, WU direct, you direct, synced 08:15", done.tooltip());
        assertEquals("Your proxy: direct (profile home sets it)", action(done, TrayMenus.USER_PROXY).label());
        TrayMenu kept = menu(status("corporate", "rule", false), true, Optional.empty());
        assertTrue(kept.items().stream().noneMatch(i -> i instanceof TrayMenu.Action a && a.id().equals(TrayMenus.USER_PROXY)),
                "nothing known of the user's proxy: no line");
    }

    @Test
    void everyGreyedItemSaysWhyInItsOwnLabel() {
        TrayMenu paused = menu(status("corporate", "rule", true), true, Optional.empty());
        assertEquals("Profiles cannot be chosen now (paused: Resume first)", labels(paused).get(0));
        assertEquals("Sync now (paused: Resume first)", action(paused, TrayMenus.SYNC).label());
        TrayMenu user = menu(status("corporate", "rule", false), false, Optional.empty());
        assertEquals("Pause (only administrators may pause wuproxy)", action(user, TrayMenus.PAUSE).label());
        for (TrayMenu menu : List.of(paused, user)) {
            for (TrayMenu.Item item : menu.items()) {
                if (item instanceof TrayMenu.Action a && !a.enabled()) {
                    assertTrue(a.label().contains(a.disabledReason()) && !a.disabledReason().isEmpty(), a.label());
                } else if (item instanceof TrayMenu.Submenu m && !m.enabled()) {
                    assertTrue(m.label().contains(m.disabledReason()) && !m.disabledReason().isEmpty(), m.label());
                }
            }
        }
    }

    @Test
    void aCustomProfileShowsItsOwnInitial() {
        var lab = new AgentView.Offer("lab", io.github.wuproxy.core.profile.ProfileKind.CUSTOM, Optional.empty());
        TrayMenu menu = TrayMenus.build(new AgentView(Optional.of(status("lab", "rule", false)), List.of(lab),
                new AgentView.Rights(true, true, Optional.empty()), Optional.empty()), Optional.empty(), ZoneOffset.UTC);
        assertEquals(TrayMenu.Icon.CUSTOM, menu.icon());
        assertEquals("L", TrayIcons.initial(menu.profile()));
        assertEquals("W", TrayIcons.initial("--"));
        assertTrue(!TrayIcons.key(menu).equals(TrayIcons.key(new TrayMenu("", "", TrayMenu.Icon.CUSTOM, "office", List.of()))),
                "another custom profile redraws the icon");
    }

    @Test
    void theMenuSpeaksJapaneseWhenTheDisplayLanguageIsJapanese() {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.JAPANESE);
        try {
            TrayMenu paused = menu(status("corporate", "rule", true), true, Optional.empty());
            assertEquals("現在プロファイルは選べません (一時停止中: 先に「再開」してください)", labels(paused).get(0));
            assertEquals("再開", action(paused, TrayMenus.RESUME).label());
            assertTrue(paused.statusLine().startsWith("一時停止中 — corporate"), paused.statusLine());
            var problem = new AgentStatus.ActiveProblem(new Problem(ProblemCode.PROXY_UNVERIFIED, Severity.ERROR,
                    "The proxy proxy.corp.example.com:8080 failed the test", "why", "what"), Instant.EPOCH);
            TrayMenu failing = menu(status("corporate", "rule", false).withProblems(List.of(problem)), true, Optional.empty());
            assertEquals("問題: プロファイルのプロキシが接続テストに失敗しました (WUP401)", failing.statusLine());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
        }
    }

    /** Chosen by hand, with the user's proxy being set: the agent's reasons as data, so each front end words them. */
    private static AgentStatus manualWithUserProxy() {
        var proxy = Optional.<UpdateProxy>of(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>"));
        return new AgentStatus("corporate", Selection.Basis.MANUAL, "chosen by hand for this network", proxy, proxy, "Ethernet eth0",
                false, Optional.empty(), Optional.empty(), List.of(),
                new io.github.wuproxy.port.UserProxyStatus(Optional.of(io.github.wuproxy.core.proxy.UserProxySettings.DIRECT),
                        io.github.wuproxy.core.profile.Reason.of(io.github.wuproxy.core.profile.Reason.Kind.USER_SETS, "corporate"), Optional.empty()),
                Optional.empty(), io.github.wuproxy.core.profile.Reason.of(io.github.wuproxy.core.profile.Reason.Kind.MANUAL));
    }

    @Test
    void theAgentsReasonsReadInTheUsersLanguage() {
        TrayMenu english = menu(manualWithUserProxy(), true, Optional.empty());
        assertEquals("corporate: chosen by hand for this network", english.statusLine());
        assertEquals("Your proxy: unknown (profile corporate sets it; being set to direct)", action(english, TrayMenus.USER_PROXY).label());
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.JAPANESE);
        try {
            TrayMenu japanese = menu(manualWithUserProxy(), true, Optional.empty());
            assertEquals("corporate: このネットワーク用に手動で選択されました", japanese.statusLine());
            TrayMenu.Action user = action(japanese, TrayMenus.USER_PROXY);
            assertEquals("あなたのプロキシ: 不明 (プロファイル corporate が設定します。direct に設定中です)", user.label());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void aRefusalReadsInJapaneseFromItsReasonAndInEnglishWithoutOne() {
        var refusal = new io.github.wuproxy.port.AgentRefusal(io.github.wuproxy.port.AgentRefusal.Kind.NOT_ALLOWED,
                "only administrators may pause", io.github.wuproxy.port.AgentRefusal.Why.of("admins-only", "pause"));
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.JAPANESE);
        try {
            assertEquals("`wuproxy pause` は管理者のみ実行できます。", TrayTexts.refusal(refusal));
            assertEquals("busy", TrayTexts.refusal(new io.github.wuproxy.port.AgentRefusal(io.github.wuproxy.port.AgentRefusal.Kind.BUSY, "busy",
                    io.github.wuproxy.port.AgentRefusal.Why.of("from-a-newer-agent"))), "a reason without words here: its English");
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void whatTheOrganisationLocksReadsInJapanese() {
        var offers = PROFILES.stream().map(p -> new AgentView.Offer(p.name(), p.kind(), p.name().equals("mobile")
                ? Optional.of("managed by your organisation: only corporate, direct may be chosen by hand") : Optional.<String>empty())).toList();
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.JAPANESE);
        try {
            List<String> some = labels(TrayMenus.build(new AgentView(Optional.of(status("corporate", "rule", false)), offers,
                    new AgentView.Rights(true, false, Optional.empty()), Optional.empty()), Optional.empty(), ZoneOffset.UTC));
            assertTrue(some.contains("[ ] mobile (組織によって管理されています)"), some.toString());
            assertTrue(some.contains("[ ] direct"), some.toString());
            List<String> locked = labels(TrayMenus.build(new AgentView(Optional.of(status("corporate", "rule", false)), PROFILES,
                    new AgentView.Rights(true, false, Optional.of("managed by your organisation")), Optional.empty()), Optional.empty(), ZoneOffset.UTC));
            assertTrue(locked.contains("現在プロファイルは選べません (組織によって管理されています)"), locked.toString());
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
        }
    }
}
