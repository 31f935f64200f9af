package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.json.Json;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The diagnose report in the user's language, its side-by-side values in one column whatever the script of the names. */
class DiagnosisTextTest {
    private static String in(Locale locale) throws Exception {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, locale);
        try {
            return DiagnosisText.text(Json.parse("""
                    {"generated":"2026-03-03T08:00:00Z","version":"1.0","os":"Windows 11","java":"17","adapters":"windows",
                     "agent":{"running":false},"network":"Wi-Fi","decision":{"profile":"direct","basis":"rule","why":"ssid Home","desired":{"mode":"direct"}},
                     "stores":{"winHttp":{"mode":"direct"},"winHttpSettings":"18","bits":{},"user":"direct","setProxyBehaviorForUpdateDetection":0,
                     "wsusServer":null},"mismatches":[],"checks":[],"scans":[],"recentProblems":[]}
                    """));
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    private static List<Integer> valueColumns(String report, List<String> values) {
        return report.lines().filter(l -> values.stream().anyMatch(l::endsWith))
                .map(l -> DiagnosisText.width(l.substring(0, l.lastIndexOf(values.stream().filter(l::endsWith).findFirst().orElseThrow()))))
                .toList();
    }

    @Test
    void japaneseNamesKeepTheValuesInOneColumn() throws Exception {
        String japanese = in(Locale.JAPANESE);
        assertTrue(japanese.contains("プロファイル: direct (ルール): ssid Home"), japanese);
        List<Integer> columns = valueColumns(japanese, List.of("なし (Microsoft Update)", "0 (スキャンはマシンのプロキシだけを使います)"));
        assertEquals(2, columns.size(), japanese);
        assertEquals(columns.get(0), columns.get(1), japanese);
        assertEquals(13, DiagnosisText.width("WSUS サーバー"));
    }

    @Test
    void englishReadsAsBefore() throws Exception {
        String english = in(Locale.ENGLISH);
        assertTrue(english.contains("\n  WSUS server                          none (Microsoft Update)\n"), english);
        assertTrue(english.contains("Profile: direct (rule): ssid Home"), english);
    }
}
