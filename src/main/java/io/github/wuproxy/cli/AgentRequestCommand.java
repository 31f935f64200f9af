package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.ipc.IpcProtocol;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.StatusJson;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.AgentStatus;
import java.util.Optional;
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

    @Option(names = "--json", descriptionKey = "agentStatusJson")
    boolean json;

    private final Supplier<Path> socket;

    protected AgentRequestCommand(Supplier<Path> socket) {
        this.socket = socket;
    }

    protected abstract ObjectNode request();

    /** More to say after the refusal's reason, such as "did you mean", starting with a space; empty by default. */
    protected String hint(AgentRefusal.Kind kind) {
        return "";
    }

    /** A line after the status the agent answered with, such as "it waits for resume"; {@code answer} is the whole answer. */
    protected Optional<String> note(AgentStatus status, JsonNode answer) throws JsonFormatException {
        return Optional.empty();
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public int run(PrintWriter out, PrintWriter err) {
        JsonNode answer;
        Path at = socket.get();
        if (!java.nio.file.Files.exists(at) && IpcClient.closedFolder(at).isEmpty()) { // else the client names the folder that keeps this account out
            err.println(Texts.get("agent.notRunning", at));
            return ExitCodes.FAILURE;
        }
        ObjectNode request = request();
        int room = IpcProtocol.MAX_LINE - 512; // the version and the token are added on the way
        if (Json.write(request).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > room) {
            // the agent would refuse it too, but it stops reading at its limit, which can cut the connection before its answer
            err.println(Texts.get("agent.requestTooLong", room));
            return ExitCodes.BAD_INPUT;
        }
        try {
            answer = new IpcClient(at).send(request);
        } catch (IOException e) {
            err.println(Texts.get("agent.unreachable", e.getMessage()));
            return ExitCodes.FAILURE;
        }
        if (!answer.path("ok").asBoolean()) {
            AgentRefusal.Kind kind = AgentRefusal.Kind.of(answer.path("refusal").asText(""));
            err.println(Texts.get("agent.refused", refusal(answer)) + hint(kind));
            return kind == AgentRefusal.Kind.BAD_INPUT || kind == AgentRefusal.Kind.BAD_REQUEST ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
        }
        JsonNode status = answer.path("status");
        if (!status.isObject()) {
            err.println(Texts.get("agent.statusUnreadable", Texts.get("agent.noStatus")));
            return ExitCodes.FAILURE;
        }
        if (json) {
            out.println(status.toString());
        } else {
            try {
                AgentStatus read = StatusJson.read(status);
                out.print(StatusText.render(read));
                note(read, answer).ifPresent(out::println);
            } catch (JsonFormatException e) {
                err.println(Texts.get("agent.statusUnreadable", e.getMessage()));
                return ExitCodes.FAILURE;
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** A value as one visible line: a name typed or sent with a line break or an escape sequence in it cannot forge the message. */
    static String visible(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Why the agent refused, in the user's language when it sent the reason as data and it is one we have words for; else its English. */
    static String refusal(JsonNode answer) {
        JsonNode why = answer.path("why");
        if (why.path("code").isTextual() && why.path("values").isArray()) {
            Object[] values = new Object[why.path("values").size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = visible(why.path("values").get(i).asText());
            }
            var said = Texts.find("refusal." + why.path("code").asText(), values);
            if (said.isPresent()) {
                return said.get();
            }
        }
        String error = answer.path("error").asText("");
        return error.isBlank() ? Texts.get("agent.noReason") : visible(error);
    }
}
