package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.json.Json;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wuproxy explain CODE}: what a Windows Update or WinHTTP error code means for the proxy. */
@Command(name = "explain")
public final class ExplainCommand implements Callable<Integer> {
    static final String BUNDLE = "io.github.wuproxy.cli.explain";
    private static final java.util.Set<Integer> HTTP_STATUSES = java.util.Set.of(400, 401, 403, 404, 407, 408, 500, 502, 503, 504);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", descriptionKey = "code")
    String code;

    @Option(names = "--json")
    boolean json;

    /** A proxy's or server's HTTP status (407), which Windows Update logs as its own code (0x8024401B). */
    private static Optional<Integer> httpStatus(String text) {
        String t = text.strip();
        return t.matches("\\d{3}") && HTTP_STATUSES.contains(Integer.parseInt(t)) ? Optional.of(Integer.parseInt(t)) : Optional.empty();
    }

    public ExplainCommand() {}

    public ExplainCommand(String code, boolean json) {
        this.code = code;
        this.json = json;
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public int run(PrintWriter out, PrintWriter err) {
        int hresult;
        Optional<Integer> httpStatus = httpStatus(code);
        try {
            hresult = httpStatus.map(UpdateErrors::forHttpStatus).orElseGet(() -> UpdateErrors.parse(code));
        } catch (IllegalArgumentException e) {
            err.println(Texts.get("explain.notACode", AgentRequestCommand.visible(code)));
            return ExitCodes.BAD_INPUT;
        }
        Optional<UpdateErrors.Entry> entry = UpdateErrors.find(hresult);
        String hex = String.format("0x%08X", hresult);
        if (json) {
            ObjectNode node = Json.object().put("code", hex).put("known", entry.isPresent());
            httpStatus.ifPresent(status -> node.put("httpStatus", status));
            entry.ifPresentOrElse(e -> node.put("name", e.name()).put("meaning", e.meaning()).put("likelyCause", e.likelyCause())
                    .put("wuproxyDoes", e.wuproxyDoes()).put("youCan", e.youCan()), () -> node.put("decoded", UpdateErrors.decode(hresult)));
            out.println(node.toString());
        } else {
            ResourceBundle texts = Texts.bundle(Texts.locale(), BUNDLE);
            httpStatus.ifPresent(status -> out.println(Texts.format(texts, "line.httpStatus", status, hex)));
            if (entry.isPresent()) {
                UpdateErrors.Entry e = entry.get();
                boolean own = Boolean.parseBoolean(texts.getString("codes.fromCore"));
                out.println(Texts.format(texts, "line.meaning", hex, e.name(), own ? e.meaning() : texts.getString(hex + ".meaning")));
                out.println(Texts.format(texts, "line.cause", own ? e.likelyCause() : texts.getString(hex + ".cause")));
                out.println(Texts.format(texts, "line.wuproxy", own ? e.wuproxyDoes() : texts.getString(hex + ".wuproxy")));
                out.println(Texts.format(texts, "line.you", own ? e.youCan() : texts.getString(hex + ".you")));
            } else {
                out.println(Texts.format(texts, "unknown", hex, UpdateErrors.decode(hresult)));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
