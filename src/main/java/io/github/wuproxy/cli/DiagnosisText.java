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
        out.append("wuproxy diagnose, ").append(r.path("generated").asText()).append('\n');
        out.append("wuproxy ").append(r.path("version").asText()).append(" on ").append(r.path("os").asText())
                .append(", Java ").append(r.path("java").asText()).append('\n');
        out.append("Adapters: ").append(r.path("adapters").asText()).append("\n\n");
        JsonNode agent = r.path("agent");
        out.append("Agent: ").append(agent.path("running").asBoolean() ? "running" : "not running; below is this machine's own reading")
                .append('\n');
        if (agent.path("status").isObject()) {
            try {
                StatusText.render(StatusJson.read(agent.path("status"))).lines().forEach(line -> out.append("  ").append(line).append('\n'));
            } catch (JsonFormatException e) {
                out.append("  its status was not understood: ").append(e.getMessage()).append('\n');
            }
        }
        r.path("configurationProblems").forEach(p -> out.append("  configuration problem: ").append(p.asText()).append('\n'));
        out.append("Network: ").append(r.path("network").asText()).append('\n');
        JsonNode d = r.path("decision");
        if (!d.isMissingNode()) {
            out.append("Profile: ").append(d.path("profile").asText()).append(" (").append(d.path("basis").asText()).append("): ")
                    .append(d.path("why").asText()).append('\n');
            out.append("Wanted for Windows Update: ").append(describe(d.path("desired")))
                    .append(d.path("note").asText().isEmpty() ? "" : " (" + d.path("note").asText() + ")").append('\n');
            if (d.has("problem")) {
                out.append("  ").append(d.path("problem").asText()).append('\n');
            }
        }
        JsonNode s = r.path("stores");
        out.append("\nProxy settings, side by side\n");
        if (s.has("error")) {
            out.append("  could not be read: ").append(s.path("error").asText()).append('\n');
        }
        row(out, "WinHTTP, 64-bit (scans)", describe(s.path("winHttp")) + "   [" + s.path("winHttpSettings").asText() + "]");
        if (s.has("winHttp32")) {
            row(out, "WinHTTP, 32-bit copy", describe(s.path("winHttp32")));
        }
        s.path("bits").properties().forEach(e -> row(out, "BITS " + e.getKey(), e.getValue().asText()));
        row(out, "Your own settings", s.path("user").asText());
        s.path("environment").properties().forEach(e -> row(out, "Environment " + e.getKey(), e.getValue().asText()));
        row(out, "SetProxyBehaviorForUpdateDetection", s.path("setProxyBehaviorForUpdateDetection").asInt() == 1
                ? "1 (scans may fall back to the user's proxy)" : "0 (scans use the machine proxy only)");
        row(out, "WSUS server", s.path("wsusServer").isNull() ? "none (Microsoft Update)" : s.path("wsusServer").asText());
        if (s.path("advancedProxy").isObject()) {
            s.path("advancedProxy").properties().forEach(e -> row(out, "Advanced WinHTTP store, " + e.getKey(), e.getValue().asText()));
        } else if (s.has("advancedProxy")) {
            row(out, "Advanced WinHTTP store", s.path("advancedProxy").asText());
        }
        if (s.has("proxySettingsPerUser")) {
            row(out, "ProxySettingsPerUser (policy)", switch (s.path("proxySettingsPerUser").asText("")) {
                case "" -> "not set (per user)";
                case "0" -> "0 (per machine: one WinINet setting for every user and service)";
                case "1" -> "1 (per user)";
                default -> s.path("proxySettingsPerUser").asText();
            });
        }
        if (s.has("downloads")) {
            row(out, "Delivery Optimization downloads", s.path("downloads").path("proxy").asText() + ", from "
                    + s.path("downloads").path("from").asText());
        }
        out.append("\nMismatches\n");
        if (r.path("mismatches").isEmpty()) {
            out.append("  none\n");
        }
        r.path("mismatches").forEach(m -> out.append("  ! ").append(m.path("what").asText()).append("\n    breaks: ")
                .append(m.path("breaks").asText()).append('\n')
                .append(m.has("affects") ? "    affects: " + m.path("affects").asText() + "\n" : ""));
        out.append("\nChecks to the Windows Update servers, as ").append(r.path("checkedAs").asText()).append('\n');
        r.path("checks").forEach(c -> out.append(String.format(Locale.ROOT, "  %-12s %s: %s%s%n", c.path("outcome").asText(),
                describe(c.path("proxy")), c.path("detail").asText(),
                c.has("wouldFailWith") ? " (Windows Update would fail with " + c.path("wouldFailWith").asText() + ")" : "")));
        out.append("\nLast Windows Update scans\n");
        if (r.path("scans").isEmpty()) {
            out.append("  none seen").append(r.has("scansError") ? ": " + r.path("scansError").asText() : "").append('\n');
        }
        r.path("scans").forEach(sc -> out.append("  ").append(sc.path("at").asText()).append("  ").append(sc.path("result").asText())
                .append(sc.has("meaning") ? "  " + sc.path("meaning").asText() : "").append('\n'));
        if (r.has("nextScan")) {
            out.append("  next scheduled scan: ").append(r.path("nextScan").isNull() ? "unknown (no Schedule Scan task, or no right to read it)"
                    : r.path("nextScan").asText()).append('\n');
        }
        out.append("\nRecent problems (as the agent recorded them)\n");
        if (r.path("recentProblems").isEmpty()) {
            out.append("  none\n");
        }
        r.path("recentProblems").forEach(p -> out.append("  ").append(p.asText()).append('\n'));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "  %-36s %s%n", name, value));
    }

    private static String describe(JsonNode proxy) {
        if (proxy == null || proxy.isNull() || proxy.isMissingNode()) {
            return "unknown";
        }
        if (proxy.path("mode").asText().equals("direct")) {
            return "direct";
        }
        String bypass = proxy.path("bypass").asText("");
        return proxy.path("server").asText() + (bypass.isEmpty() ? "" : " (bypass " + bypass + ")");
    }
}
