package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.StatusJson;
import java.util.Locale;

/** The diagnose report as a person reads it, rendered from its JSON form (which {@code --json} prints as it is). */
public final class DiagnosisText {
    private DiagnosisText() {}

    /** The report as a person reads it. */
    public static String text(JsonNode r) {
        StringBuilder out = new StringBuilder();
        out.append(Texts.get("report.title", r.path("generated").asText())).append('\n');
        out.append(Texts.get("report.version", r.path("version").asText(), r.path("os").asText(), r.path("java").asText())).append('\n');
        out.append(Texts.get("report.adapters", r.path("adapters").asText())).append("\n\n");
        JsonNode agent = r.path("agent");
        out.append(Texts.get(agent.path("running").asBoolean() ? "report.agentRunning" : "report.agentNotRunning")).append('\n');
        if (agent.path("status").isObject()) {
            try {
                StatusText.render(StatusJson.read(agent.path("status"))).lines().forEach(line -> out.append("  ").append(line).append('\n'));
            } catch (JsonFormatException e) {
                out.append("  ").append(Texts.get("agent.statusUnreadable", e.getMessage())).append('\n');
            }
        }
        r.path("configurationProblems").forEach(p -> out.append("  ").append(Texts.get("report.configurationProblem", p.asText())).append('\n'));
        out.append(Texts.get("report.network", r.path("network").asText())).append('\n');
        JsonNode d = r.path("decision");
        if (!d.isMissingNode()) {
            out.append(Texts.get("report.profile", d.path("profile").asText(),
                    Texts.find("status.basis." + d.path("basis").asText()).orElse(d.path("basis").asText()), d.path("why").asText())).append('\n');
            out.append(Texts.get("report.wanted", describe(d.path("desired")))
                    + (d.path("note").asText().isEmpty() ? "" : " (" + d.path("note").asText() + ")")).append('\n');
            if (d.has("problem")) {
                out.append("  ").append(d.path("problem").asText()).append('\n');
            }
        }
        JsonNode s = r.path("stores");
        out.append('\n').append(Texts.get("report.stores")).append('\n');
        if (s.has("error")) {
            out.append("  ").append(Texts.get("report.storesUnreadable", s.path("error").asText())).append('\n');
        }
        row(out, Texts.get("report.winHttp"), describe(s.path("winHttp")) + "   [" + s.path("winHttpSettings").asText() + "]");
        if (s.has("winHttp32")) {
            row(out, Texts.get("report.winHttp32"), describe(s.path("winHttp32")));
        }
        s.path("bits").properties().forEach(e -> row(out, Texts.get("report.bits", e.getKey()), e.getValue().asText()));
        row(out, Texts.get("report.user"), s.path("user").asText());
        s.path("environment").properties().forEach(e -> row(out, Texts.get("report.environment", e.getKey()), e.getValue().asText()));
        row(out, Texts.get("report.behavior"), Texts.get(s.path("setProxyBehaviorForUpdateDetection").asInt() == 1
                ? "report.behavior1" : "report.behavior0"));
        row(out, Texts.get("report.wsus"), s.path("wsusServer").isNull() ? Texts.get("report.noWsus") : s.path("wsusServer").asText());
        if (s.path("advancedProxy").isObject()) {
            s.path("advancedProxy").properties().forEach(e -> row(out, Texts.get("report.advanced", e.getKey()), e.getValue().asText()));
        } else if (s.has("advancedProxy")) {
            row(out, Texts.get("report.advancedAll"), s.path("advancedProxy").asText());
        }
        if (s.has("proxySettingsPerUser")) {
            row(out, Texts.get("report.perUser"), switch (s.path("proxySettingsPerUser").asText("")) {
                case "" -> Texts.get("report.perUserUnset");
                case "0" -> Texts.get("report.perUser0");
                case "1" -> Texts.get("report.perUser1");
                default -> s.path("proxySettingsPerUser").asText();
            });
        }
        if (s.has("downloads")) {
            row(out, Texts.get("report.downloads"), Texts.get("report.downloadsFrom", s.path("downloads").path("proxy").asText(),
                    s.path("downloads").path("from").asText()));
        }
        out.append('\n').append(Texts.get("report.mismatches")).append('\n');
        if (r.path("mismatches").isEmpty()) {
            out.append("  ").append(Texts.get("report.none")).append('\n');
        }
        r.path("mismatches").forEach(m -> out.append("  ! ").append(m.path("what").asText()).append('\n')
                .append("    ").append(Texts.get("report.breaks", m.path("breaks").asText())).append('\n')
                .append(m.has("affects") ? "    " + Texts.get("report.affects", m.path("affects").asText()) + "\n" : ""));
        out.append('\n').append(Texts.get("report.checks", r.path("checkedAs").asText())).append('\n');
        r.path("checks").forEach(c -> out.append(String.format(Locale.ROOT, "  %-12s %s: %s%s%n", c.path("outcome").asText(),
                describe(c.path("proxy")), c.path("detail").asText(),
                c.has("wouldFailWith") ? " " + Texts.get("report.wouldFail", c.path("wouldFailWith").asText()) : "")));
        out.append('\n').append(Texts.get("report.scans")).append('\n');
        if (r.path("scans").isEmpty()) {
            out.append("  ").append(Texts.get("report.noScans")).append(r.has("scansError") ? ": " + r.path("scansError").asText() : "").append('\n');
        }
        r.path("scans").forEach(sc -> out.append("  ").append(sc.path("at").asText()).append("  ").append(sc.path("result").asText())
                .append(sc.has("meaning") ? "  " + sc.path("meaning").asText() : "").append('\n'));
        if (r.has("nextScan")) {
            out.append("  ").append(Texts.get("report.nextScan", r.path("nextScan").isNull() ? Texts.get("report.nextScanUnknown")
                    : r.path("nextScan").asText())).append('\n');
        }
        out.append('\n').append(Texts.get("report.recentProblems")).append('\n');
        if (r.path("recentProblems").isEmpty()) {
            out.append("  ").append(Texts.get("report.none")).append('\n');
        }
        r.path("recentProblems").forEach(p -> out.append("  ").append(p.asText()).append('\n'));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" ".repeat(Math.max(1, 37 - width(name)))).append(value).append('\n');
    }

    /** Columns {@code text} takes in a terminal: two for a Japanese (or other East Asian wide) character. */
    static int width(String text) {
        return text.codePoints().map(c -> c >= 0x1100 && c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 ? 2 : 1).sum();
    }

    private static String describe(JsonNode proxy) {
        if (proxy == null || proxy.isNull() || proxy.isMissingNode()) {
            return Texts.get("status.unknown");
        }
        if (proxy.path("mode").asText().equals("direct")) {
            return "direct";
        }
        String bypass = proxy.path("bypass").asText("");
        return bypass.isEmpty() ? proxy.path("server").asText() : Texts.get("report.withBypass", proxy.path("server").asText(), bypass);
    }
}
