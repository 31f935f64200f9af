package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExplainCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = new CommandLine(new ExplainCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x80072EFD", "80072efd", "-2147012867", "12029", "0X80072efd"})
    void everyWayOfWritingACodeFindsIt(String code) {
        assertEquals(0, run(code));
        assertTrue(out.toString().startsWith("0x80072EFD ERROR_WINHTTP_CANNOT_CONNECT (12029): the connection to the server or the proxy failed."),
                out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x80072EFD", "0x8024402C", "0x80240030", "0x8024502D"})
    void theProblemStatementsFourCodesAreKnown(String code) throws Exception {
        assertEquals(0, run(code, "--json"));
        var node = Json.parse(out.toString());
        assertTrue(node.path("known").asBoolean(), out.toString());
        assertTrue(!node.path("likelyCause").asText().isEmpty() && !node.path("youCan").asText().isEmpty());
    }

    @Test
    void atLeastTwentyCodesEachOnce() {
        assertTrue(UpdateErrors.ALL.size() >= 20, "catalogue size " + UpdateErrors.ALL.size());
        assertEquals(UpdateErrors.ALL.size(), new HashSet<>(UpdateErrors.ALL.stream().map(UpdateErrors.Entry::hresult).toList()).size());
    }

    @Test
    void anUnknownCodeIsSaidHonestlyWithItsFacility() {
        assertEquals(0, run("0x80070005"));
        assertEquals("0x80070005 is not a network or proxy code wuproxy knows (a failure, facility WIN32 (7), code 0x0005); "
                + "Microsoft's Windows Update error reference lists every code.", out.toString().strip());
    }

    @Test
    void somethingThatIsNoCodeIsABadInput() {
        assertEquals(2, run("proxy"));
        assertEquals("\"proxy\" is not an error code; write it like 0x80072EFD, 80072efd, -2147012867 or 12029", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(2, run("--", "x\u001b[2J\ny"));
        assertEquals("\"x\\u001b[2J\\ny\" is not an error code; write it like 0x80072EFD, 80072efd, -2147012867 or 12029", err.toString().strip());
    }

    @Test
    void japaneseReadersGetJapaneseAndTheJsonStaysEnglish() {
        java.util.Locale before = java.util.Locale.getDefault(java.util.Locale.Category.DISPLAY);
        java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, java.util.Locale.forLanguageTag("ja-JP"));
        try {
            assertEquals(0, run("0x80072EFD"));
            assertTrue(out.toString().startsWith("0x80072EFD ERROR_WINHTTP_CANNOT_CONNECT (12029): サーバーまたはプロキシへの接続に失敗しました。"),
                    out.toString());
            assertTrue(out.toString().contains("できること: `wuproxy sync` を実行してから"), out.toString());
            out.getBuffer().setLength(0);
            assertEquals(0, run("0x80072EFD", "--json"));
            assertEquals("the connection to the server or the proxy failed", Json.parse(out.toString()).path("meaning").asText());
            assertEquals(2, run("proxy"));
            assertEquals("\"proxy\" はエラーコードではありません。0x80072EFD、80072efd、-2147012867、12029 のように書いてください", err.toString().strip());
        } catch (io.github.wuproxy.json.JsonFormatException e) {
            throw new AssertionError(e);
        } finally {
            java.util.Locale.setDefault(java.util.Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void aProxysHttpStatusIsExplainedAsTheCodeWindowsUpdateLogs() {
        assertEquals(0, run("407"));
        assertTrue(out.toString().startsWith("HTTP 407 from a proxy or server reaches Windows Update as 0x8024401B."), out.toString());
        assertTrue(out.toString().contains("0x8024401B WU_E_PT_HTTP_STATUS_PROXY_AUTH_REQ"), out.toString());
    }
}
