package io.github.wuproxy.ipc;

import io.github.wuproxy.port.AgentRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.json.Json;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The local channel over a real socket: who may do what, and what a bad request gets. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "these tests name the caller as SO_PEERCRED does; Windows callers prove themselves by token (tested here too)")
class IpcServerTest {
    private static final String ME = System.getProperty("user.name");
    @TempDir
    Path dir;
    private final List<String> done = new ArrayList<>();
    private IpcServer server;

    private IpcServer serve(IpcPolicy policy) throws IOException {
        server = IpcServer.start(dir.resolve("agent.sock"), policy, recording(done));
        return server;
    }

    /** Every operation records what it was asked and answers ok; "office" is no profile. */
    static java.util.Map<IpcProtocol.Op, IpcOperation> recording(List<String> done) {
        var table = new java.util.EnumMap<IpcProtocol.Op, IpcOperation>(IpcProtocol.Op.class);
        for (IpcProtocol.Op op : IpcProtocol.Op.values()) {
            table.put(op, (request, admin) -> {
                done.add(op.word + (request.has("profile") ? " " + request.get("profile").asText() : ""));
                if (request.path("profile").asText().equals("office")) {
                    throw new AgentRefusal(AgentRefusal.Kind.BAD_INPUT, "there is no profile office");
                }
                return Json.object().put("ok", true);
            });
        }
        return table;
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode send(String line) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(dir.resolve("agent.sock")));
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            while (channel.read(in) >= 0) {
                // read to the end
            }
            return Json.parse(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
        } catch (io.github.wuproxy.json.JsonFormatException e) {
            throw new IOException(e);
        }
    }

    @Test
    void anAllowedCallerIsServed() throws Exception {
        serve(IpcPolicy.ownerOnly(ME));
        JsonNode answer = new IpcClient(dir.resolve("agent.sock")).send(IpcClient.request("use").put("profile", "corporate"));
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        assertEquals(List.of("use corporate"), done);
    }

    @Test
    void aCallerThePolicyDoesNotNameIsRefusedAndNothingHappens() throws Exception {
        serve(new IpcPolicy(Set.of("alice"), Set.of("bob")));
        JsonNode answer = send("{\"v\":1,\"op\":\"use\",\"profile\":\"direct\"}");
        assertFalse(answer.path("ok").asBoolean());
        assertEquals("user " + ME + " may not ask the agent for `use`: not allowed by the agent's policy", answer.path("error").asText());
        assertEquals(List.of(), done);
    }

    @Test
    void aCapturedAdministratorsRequestReplayedByAnotherUserIsRefused() throws Exception {
        serve(new IpcPolicy(Set.of("alice"), Set.of(ME)));
        String captured = "{\"v\":1,\"op\":\"pause\"}";
        assertTrue(send(captured).path("ok").asBoolean(), "the administrator's own request is served");
        JsonNode replayed = server.handle("alice", captured);
        assertEquals("user alice may not ask the agent for `pause`: only administrators may pause, resume, set, reload or remember", replayed.path("error").asText());
        assertEquals(List.of("pause"), done, "the replay did nothing");
    }

    @Test
    void onlyAdministratorsMayPause() throws Exception {
        serve(new IpcPolicy(Set.of(ME), Set.of("root-only-" + ME)));
        assertTrue(send("{\"v\":1,\"op\":\"use\",\"profile\":\"direct\"}").path("ok").asBoolean());
        JsonNode pause = send("{\"v\":1,\"op\":\"pause\"}");
        assertEquals("user " + ME + " may not ask the agent for `pause`: only administrators may pause, resume, set, reload or remember", pause.path("error").asText());
        assertEquals(List.of("use direct"), done);
    }

    @Test
    void malformedRequestsGetAReasonNotACrash() throws Exception {
        serve(IpcPolicy.ownerOnly(ME));
        assertTrue(send("{not json").path("error").asText().startsWith("malformed request: not valid JSON"));
        assertEquals("unsupported protocol version 7; this agent speaks 1", send("{\"v\":7,\"op\":\"status\"}").path("error").asText());
        var old = send("{\"v\":7,\"op\":\"status\"}");
        assertEquals("protocol", old.path("why").path("code").asText(), "the CLI and the tray word it in the user's language");
        assertEquals("[\"7\",\"1\"]", old.path("why").path("values").toString());
        assertEquals("unsupported protocol version none; this agent speaks 1", send("{\"op\":\"status\"}").path("error").asText());
        assertTrue(send("{\"v\":1,\"op\":\"format-disk\"}").path("error").asText().startsWith("unknown operation \"format-disk\""));
        assertTrue(send("{\"v\":1,\"op\":\"status\",\"user\":\"root\"}").path("error").asText().startsWith("malformed request: unknown field `user`"),
                "a caller cannot name itself");
        try {
            assertTrue(send("{\"v\":1,\"op\":\"status\",\"pad\":\"" + "x".repeat(20_000) + "\"}").path("error").asText()
                    .startsWith("malformed request: longer than"));
        } catch (IOException reset) {
            // The server refuses an oversized request unread and may close while the rest is still being sent.
        }
        assertEquals("there is no profile office", send("{\"v\":1,\"op\":\"use\",\"profile\":\"office\"}").path("error").asText());
        assertTrue(send("{\"v\":1,\"op\":\"status\"}").path("ok").asBoolean(), "still serving");
    }

    @Test
    void aStaleSocketFileIsReplacedButALiveAgentIsNot() throws Exception {
        Path socket = dir.resolve("agent.sock");
        ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        crashed.bind(UnixDomainSocketAddress.of(socket));
        crashed.close(); // the file stays, as after a crash
        assertTrue(Files.exists(socket));
        serve(IpcPolicy.ownerOnly(ME));
        assertTrue(send("{\"v\":1,\"op\":\"status\"}").path("ok").asBoolean());
        var e = assertThrows(IOException.class, () -> IpcServer.start(socket, IpcPolicy.ownerOnly(ME), java.util.Map.of()));
        assertTrue(e.getMessage().startsWith("another wuproxy agent is running"), e.getMessage());
    }

    @Test
    void theClientSaysWhenNoAgentRuns() {
        var e = assertThrows(IOException.class, () -> new IpcClient(dir.resolve("agent.sock")).send(IpcClient.request("status")));
        assertTrue(e.getMessage().startsWith("no wuproxy agent is running"), e.getMessage());
    }

    @Test
    void whereTheOsCannotNameTheCallerATokenProvesTheRightAndOnlyTheLatestCounts() throws Exception {
        serve(IpcPolicy.ownerOnly("someone-else"));
        Path tokens = IpcServer.tokenFolder(dir.resolve("agent.sock"));
        String admin = Files.readString(tokens.resolve(IpcTokens.ADMIN)).strip();
        String choose = Files.readString(tokens.resolve(IpcTokens.CHOOSE)).strip();
        var request = Json.parse("{\"v\":1,\"op\":\"pause\",\"token\":\"" + choose + "\"}");
        assertEquals(IpcPolicy.TOKEN_CHOOSER, server.tokenIdentity(request));
        assertEquals("user " + IpcPolicy.TOKEN_CHOOSER + " may not ask the agent for `pause`: only administrators may pause, resume, set, reload or remember",
                server.handle(server.tokenIdentity(request), request.toString()).path("error").asText());
        var asAdmin = Json.parse("{\"v\":1,\"op\":\"pause\",\"token\":\"" + admin + "\"}");
        assertTrue(server.handle(server.tokenIdentity(asAdmin), asAdmin.toString()).path("ok").asBoolean());
        assertEquals("(unauthenticated caller)", server.tokenIdentity(Json.parse("{\"token\":\"" + "00".repeat(32) + "\"}")));
        assertEquals("(unauthenticated caller)", server.tokenIdentity(Json.parse("{\"token\":\"not hex\"}")));
        server.close();
        serve(IpcPolicy.ownerOnly("someone-else"));
        assertEquals("(unauthenticated caller)", server.tokenIdentity(asAdmin), "a token from an earlier start is worth nothing");
        if (Files.getFileAttributeView(tokens, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.resolve(IpcTokens.ADMIN))));
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.resolve(IpcTokens.CHOOSE))));
        }
    }

    @Test
    void aSubscriberGetsEveryPublishedStatusUntilTheAgentStops() throws Exception {
        serve(IpcPolicy.ownerOnly(ME));
        var received = new java.util.concurrent.LinkedBlockingQueue<JsonNode>();
        var client = new IpcClient(dir.resolve("agent.sock"));
        Thread subscriber = new Thread(() -> {
            try {
                client.subscribe(received::add);
            } catch (IOException e) {
                // the agent stopped
            }
        });
        subscriber.start();
        JsonNode first = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(first != null && first.path("ok").asBoolean(), "the subscription is answered at once: " + first);
        server.publish(Json.object().put("ok", true).put("n", 1));
        server.publish(Json.object().put("ok", true).put("n", 2));
        assertEquals(1, received.poll(10, java.util.concurrent.TimeUnit.SECONDS).path("n").asInt());
        assertEquals(2, received.poll(10, java.util.concurrent.TimeUnit.SECONDS).path("n").asInt());
        assertTrue(send("{\"v\":1,\"op\":\"status\"}").path("ok").asBoolean(), "other callers are still served");
        server.close();
        server = null;
        subscriber.join(10_000);
        assertFalse(subscriber.isAlive(), "the subscription ends with the agent");
    }

    @Test
    void aCallerThePolicyDoesNotNameCannotSubscribe() throws Exception {
        serve(new IpcPolicy(Set.of("alice"), Set.of()));
        JsonNode answer = send("{\"v\":1,\"op\":\"subscribe\"}");
        assertEquals("user " + ME + " may not ask the agent for `subscribe`: not allowed by the agent's policy", answer.path("error").asText());
    }
}
