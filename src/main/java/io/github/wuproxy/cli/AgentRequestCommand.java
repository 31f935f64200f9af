package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.StatusJson;
import io.github.wuproxy.port.AgentRefusal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A CLI command that asks the running agent over the local channel, and prints its answer. */
public abstract class AgentRequestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the agent's status as JSON (a stable form)")
    boolean json;

    private final Supplier<Path> socket;

    protected AgentRequestCommand(Supplier<Path> socket) {
        this.socket = socket;
    }

    protected abstract ObjectNode request();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode answer;
        try {
            answer = new IpcClient(socket.get()).send(request());
        } catch (IOException e) {
            err.println(e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (!answer.path("ok").asBoolean()) {
            String why = answer.path("error").asText("");
            err.println("The agent refused: " + (why.isBlank() ? "it gave no reason; see its log (`wuproxy diagnose`)" : why));
            AgentRefusal.Kind kind = AgentRefusal.Kind.of(answer.path("refusal").asText(""));
            return kind == AgentRefusal.Kind.BAD_INPUT || kind == AgentRefusal.Kind.BAD_REQUEST ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
        }
        JsonNode status = answer.path("status");
        if (json) {
            out.println(status.toString());
        } else if (status.isObject()) {
            try {
                out.print(StatusJson.text(StatusJson.read(status)));
            } catch (JsonFormatException e) {
                err.println("The agent's status was not understood: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
