package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.profile.Selection;
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

    private static String in(Locale locale) {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, locale);
        try {
            return StatusText.render(PAUSED_AFTER_RESET);
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
                プロファイル: corporate (rule: network-category domain-authenticated)
                WU プロキシ: direct (プロファイルの指定は proxy.corp.example.com:8080 (bypass <local>)、一時停止中)
                ネットワーク: Ethernet eth0
                一時停止: はい
                最終同期: 2026-03-03T08:15:00Z
                次回のスキャン: 不明
                """, in(Locale.JAPANESE));
    }
}
