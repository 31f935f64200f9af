package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.json.Json;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wuproxy explain CODE}: what a Windows Update or WinHTTP error code means for the proxy. */
@Command(name = "explain", description = {"Explain a Windows Update or WinHTTP error code: its meaning, the likely proxy cause,",
    "what wuproxy does about it and what you can do. CODE: 0x80072EFD, 80072efd, -2147012867 or 12029."})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE")
    String code;

    @Option(names = "--json", description = "Print a JSON object")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int hresult;
        try {
            hresult = UpdateErrors.parse(code);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Optional<UpdateErrors.Entry> entry = UpdateErrors.find(hresult);
        String hex = String.format("0x%08X", hresult);
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode().put("code", hex).put("known", entry.isPresent());
            entry.ifPresentOrElse(e -> node.put("name", e.name()).put("meaning", e.meaning()).put("likelyCause", e.likelyCause())
                    .put("wuproxyDoes", e.wuproxyDoes()).put("youCan", e.youCan()), () -> node.put("decoded", UpdateErrors.decode(hresult)));
            out.println(node.toString());
        } else if (entry.isPresent()) {
            UpdateErrors.Entry e = entry.get();
            out.println(hex + " " + e.name() + ": " + e.meaning() + ".");
            out.println("Likely proxy cause: " + e.likelyCause() + ".");
            out.println("wuproxy " + e.wuproxyDoes() + ".");
            out.println("You can: " + e.youCan() + ".");
        } else {
            out.println(hex + " is not a network or proxy code wuproxy knows (" + UpdateErrors.decode(hresult) + "); "
                    + "Microsoft's Windows Update error reference lists every code.");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
