package io.github.wuproxy.ipc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A request line on the local channel, from a caller the policy lets choose profiles but not
 * administer: only an answer or a refusal with a reason, never an unchecked exception, and never an
 * administrator's operation reaching the agent.
 */
class IpcFuzzTargets {
    private static final String[] DONE = {""};
    private static final IpcServer SERVER = start();

    private static IpcServer start() {
        try {
            Path dir = Files.createTempDirectory("wuproxy-fuzz-ipc");
            var table = new java.util.EnumMap<IpcProtocol.Op, IpcOperation>(IpcProtocol.Op.class);
            for (IpcProtocol.Op op : IpcProtocol.Op.values()) {
                table.put(op, (request, admin) -> {
                    DONE[0] = op.word;
                    return Json.object().put("ok", true);
                });
            }
            return IpcServer.start(dir.resolve("agent.sock"), new IpcPolicy(Set.of("chooser"), Set.of()), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void requestLine(@NotNull String line) {
        DONE[0] = "";
        ObjectNode answer = SERVER.handle("chooser", line);
        assertTrue(answer.path("ok").asBoolean() || !answer.path("error").asText().isBlank(), "every answer says ok, or why not");
        assertTrue(DONE[0].isEmpty() || IpcProtocol.Op.named(DONE[0]).orElseThrow().right != IpcProtocol.Right.ADMIN,
                "a chooser's request reached the agent as " + DONE[0]);
    }
}
