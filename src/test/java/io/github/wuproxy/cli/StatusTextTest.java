package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.Reason;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code wuproxy status} in the user's language; the same status as {@code --json} stays data. */
class StatusTextTest {
    private static final AgentStatus PAUSED_AFTER_RESET = new AgentStatus("corporate", Selection.Basis.RULE, "network-category domain-authenticated",
            Optional.of(UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>")), Optional.of(UpdateProxy.direct()), "Ethernet eth0",
            true, Optional.empty(), Optional.of(Instant.parse("2026-03-03T08:15:00Z")), List.of());

    /** Another program's write, with the engine's own (English, log-form) message. */
    private static final AgentStatus FOREIGN_WRITE = new AgentStatus("corporate", Selection.Basis.RULE, "network-category domain-authenticated",
            Optional.of(UpdateProxy.direct()), Optional.of(UpdateProxy.direct()), "Ethernet eth0", false, Optional.empty(), Optional.empty(),
            List.of(new AgentStatus.ActiveProblem(new Problem(ProblemCode.FOREIGN_WRITE, Severity.WARNING,
                    "Another program set the Windows Update proxy to evil.example:3128", "it differs from direct which profile corporate wants",
                    "wuproxy puts its own back"), Instant.parse("2026-03-03T08:16:00Z"))));

    private static String in(Locale locale) {
        return in(locale, PAUSED_AFTER_RESET);
    }

    private static String in(Locale locale, AgentStatus status) {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, locale);
        try {
            return StatusText.render(status);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void saysWhatWindowsHoldsAndWhatTheProfileWantsInEnglish() {
        assertEquals("""
                Profile:   corporate (rule: network-category domain-authenticated)
                WU proxy:  direct (the profile wants proxy.corp.example.com:8080 (bypass <local>); paused)
                Network:   Ethernet eth0
                Paused:    yes
                Last sync: 2026-03-03T08:15:00Z
                Next scan: unknown
                """, in(Locale.ENGLISH));
    }

    @Test
    void andInJapanese() {
        assertEquals("""
                プロファイル: corporate (ルール: network-category domain-authenticated)
                WU プロキシ: direct (プロファイルの指定は proxy.corp.example.com:8080 (bypass <local>)、一時停止中)
                ネットワーク: Ethernet eth0
                一時停止: はい
                最終同期: 2026-03-03T08:15:00Z
                次回のスキャン: 不明
                """, in(Locale.JAPANESE));
    }

    @Test
    void aProblemIsSaidFromItsCodeInTheUsersLanguageNotInTheEnginesWords() {
        String english = in(Locale.ENGLISH, FOREIGN_WRITE);
        assertTrue(english.contains("Problem:   Another program changed the Windows Update proxy (WUP500), since 2026-03-03T08:16:00Z\n"
                + "What to do: With foreign-write = reassert (the default) wuproxy puts its own back"), english);
        String japanese = in(Locale.JAPANESE, FOREIGN_WRITE);
        assertTrue(japanese.contains("問題: 別のプログラムが Windows Update のプロキシを変更しました (WUP500)、2026-03-03T08:16:00Z から\n"
                + "対処: foreign-write = reassert (既定) の場合、wuproxy は自分の設定に戻します"), japanese);
        assertFalse(japanese.contains("evil.example") || japanese.contains("Another program"), "the engine's English stays in the log: " + japanese);
    }

    @Test
    void theAgentsReasonsReadInJapaneseAndStayEnglishInJson() {
        AgentStatus status = new AgentStatus("home", Selection.Basis.FALLBACK, "no profile matches this network (Wi-Fi \"Cafe\"), so the fallback applies",
                Optional.of(UpdateProxy.direct()), Optional.of(UpdateProxy.direct()), "Wi-Fi \"Cafe\"", false, Optional.empty(), Optional.empty(), List.of(),
                new UserProxyStatus(Optional.empty(), Reason.of(Reason.Kind.USER_KEEPS, "home"), Optional.of(UserProxySettings.DIRECT)),
                Optional.empty(), Reason.of(Reason.Kind.FALLBACK, "Wi-Fi \"Cafe\""));
        String japanese = in(Locale.JAPANESE, status);
        assertTrue(japanese.startsWith("プロファイル: home (フォールバック: このネットワーク (Wi-Fi \"Cafe\") に一致するプロファイルがないため、"
                + "フォールバックを使用しています)\n"), japanese);
        assertTrue(japanese.contains("\nあなたのプロキシ: direct (プロファイル home はお使いの設定を変更しません)\n"), japanese);
        String english = in(Locale.ENGLISH, status);
        assertTrue(english.startsWith("Profile:   home (fallback: " + status.why() + ")\n"), english);
        assertTrue(english.contains("\nUser proxy: direct (profile home keeps your own settings)\n"), english);
        var json = io.github.wuproxy.json.StatusJson.write(status);
        assertEquals(status.why(), json.get("why").asText());
        assertEquals("profile home keeps your own settings", json.get("userProxy").get("why").asText());
    }
}
