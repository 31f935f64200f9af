package io.github.wuproxy.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A reason reads in English as the log writes it, and in Japanese from its kind, values kept as they are. */
class ReasonTextsTest {
    @Test
    void everyKindReadsInEnglishExactlyAsTheLogWritesIt() {
        for (Reason.Kind kind : Reason.Kind.values()) {
            Reason reason = Reason.of(kind, "corp/1 {1} 100%");
            assertEquals(reason.english(), ReasonTexts.render(reason, Locale.ENGLISH), kind.name());
        }
    }

    @Test
    void everyKindHasJapaneseWordsThatKeepTheValues() {
        for (Reason.Kind kind : Reason.Kind.values()) {
            Reason reason = Reason.of(kind, "corp/1 {1} 100%");
            String japanese = ReasonTexts.render(reason, Locale.JAPANESE);
            if (kind != Reason.Kind.RULE && kind != Reason.Kind.TEXT) {
                assertFalse(japanese.equals(reason.english()), kind + " is not translated: " + japanese);
            }
            assertEquals(reason.english().contains("corp/1 {1} 100%"), japanese.contains("corp/1 {1} 100%"), kind + ": " + japanese);
        }
    }

    @Test
    void theSelectorsReasonsReadInJapanese() {
        assertEquals("このネットワーク用に手動で選択されました", ReasonTexts.render(Reason.of(Reason.Kind.MANUAL), Locale.JAPANESE));
        assertEquals("このネットワーク (Wi-Fi \"Cafe\") に一致するプロファイルがないため、フォールバックを使用しています",
                ReasonTexts.render(Reason.of(Reason.Kind.FALLBACK, "Wi-Fi \"Cafe\""), Locale.JAPANESE));
        assertEquals("プロファイル corporate が Windows Update と同じ設定にします",
                ReasonTexts.render(Reason.of(Reason.Kind.USER_SAME, "corporate"), Locale.JAPANESE));
    }

    @Test
    void aRulesEvidenceReadsInJapanesePhraseByPhrase() {
        Verdict both = new Verdict(true, "gateway-mac 192.0.2.1 (02-fc-00-00-00-05) on eth0 and the user's own proxy is direct", java.util.List.of(
                new Verdict.Phrase("on-link", java.util.List.of("gateway-mac", "192.0.2.1 (02-fc-00-00-00-05)", "eth0")),
                new Verdict.Phrase("user-proxy", java.util.List.of("direct"))));
        Reason reason = Reason.rule(both);
        assertEquals(both.why(), reason.english(), "the log keeps its words");
        assertEquals(both.why(), ReasonTexts.render(reason, Locale.ENGLISH));
        assertEquals("eth0 で gateway-mac 192.0.2.1 (02-fc-00-00-00-05)、お使いのプロキシが direct です", ReasonTexts.render(reason, Locale.JAPANESE));
    }

    @Test
    void aRuleWhosePhrasesDoNotReadIsShownInTheAgentsWords() {
        for (var values : java.util.List.of(java.util.List.of("ssid Corp", "as-is", "2", "only one"), java.util.List.of("ssid Corp", "as-is", "x", "a"),
                java.util.List.of("ssid Corp", "as-is", "-1"), java.util.List.of("ssid Corp"))) {
            assertEquals("ssid Corp", ReasonTexts.render(new Reason(Reason.Kind.RULE, values), Locale.JAPANESE), values.toString());
        }
    }
}
