package io.github.wuproxy.ipc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
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
            return IpcServer.start(dir.resolve("agent.sock"), new IpcPolicy(Set.of("chooser"), Set.of()), (op, request, admin) -> {
                DONE[0] = op;
                return Json.MAPPER.createObjectNode().put("ok", true);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void requestLine(@NotNull String line) {
        DONE[0] = "";
        try {
            ObjectNode answer = SERVER.handle("chooser", Json.parse(line));
            assertTrue(answer.has("ok"), "every answer says ok or not");
        } catch (JsonFormatException expected) {
            // "not JSON" / "unknown field" with the reason
        }
        assertTrue(DONE[0].isEmpty() || IpcProtocol.OPERATIONS.get(DONE[0]) != IpcProtocol.Right.ADMIN,
                "a chooser's request reached the agent as " + DONE[0]);
    }
}
