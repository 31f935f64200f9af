package io.github.wuproxy.ipc;

import io.github.wuproxy.port.AgentRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.port.Policy;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's end of the local channel: a Unix-domain socket in a folder only the agent's account
 * may enter. Every caller is identified by the operating system (SO_PEERCRED), never by what it says,
 * and checked per request against the policy; the request is then done by its entry in the table of
 * operations, on a small pool of workers (heavy ones on their own), never on the I/O thread.
 */
public final class IpcServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IpcServer.class);
    private final Path socket;
    private final IpcPolicy policy;
    private final Supplier<Policy> organisation;
    private final Map<IpcProtocol.Op, IpcOperation> operations;
    private final IpcTokens tokens;
    private final ChannelLoop loop;
    private final ExecutorService quick = pool("wuproxy-ipc-work", 2, 64);
    private final ExecutorService heavy = pool("wuproxy-ipc-heavy", 1, 4);
    private final LogBudget refusals = LogBudget.perMinute(10);
    private final LogBudget failures = LogBudget.perMinute(10);

    /** Lets the callers the tokens are for connect to the socket file (on Windows, an ACL; elsewhere the folder decides). */
    @FunctionalInterface
    public interface SocketAccess {
        SocketAccess FOLDER_DECIDES = socket -> { };

        void grant(Path socket) throws IOException;
    }

    private IpcServer(Path socket, IpcPolicy policy, Supplier<Policy> organisation, Map<IpcProtocol.Op, IpcOperation> operations,
            IpcTokens tokens, ServerSocketChannel server, ChannelLoop.Limits limits) throws IOException {
        this.socket = socket;
        this.policy = policy;
        this.organisation = organisation;
        this.operations = new EnumMap<>(IpcProtocol.Op.class);
        this.operations.putAll(operations);
        this.tokens = tokens;
        this.loop = new ChannelLoop(server, this::received, limits);
    }

    /** Listens at {@code socket} for the tests: no organisation policy, English account names. */
    public static IpcServer start(Path socket, IpcPolicy policy, Map<IpcProtocol.Op, IpcOperation> operations) throws IOException {
        return start(socket, policy, () -> Policy.NONE, operations, AccountNames.ENGLISH, SocketAccess.FOLDER_DECIDES, ChannelLoop.Limits.DEFAULT);
    }

    /**
     * Listens at {@code socket}; a stale socket file is replaced, a live agent's is not. On Windows the
     * token files are locked to the accounts {@code names} names, and {@code access} opens the socket file.
     */
    public static IpcServer start(Path socket, IpcPolicy policy, Supplier<Policy> organisation, Map<IpcProtocol.Op, IpcOperation> operations,
            AccountNames names, SocketAccess access) throws IOException {
        return start(socket, policy, organisation, operations, names, access, ChannelLoop.Limits.DEFAULT);
    }

    static IpcServer start(Path socket, IpcPolicy policy, Supplier<Policy> organisation, Map<IpcProtocol.Op, IpcOperation> operations,
            AccountNames names, SocketAccess access, ChannelLoop.Limits limits) throws IOException {
        String me = System.getProperty("user.name");
        String domain = System.getenv().getOrDefault("USERDOMAIN", ""); // Windows names an owner DOMAIN, backslash, user
        SocketFolder.prepare(socket.toAbsolutePath().getParent(), Set.of(me, domain + "\\" + me, names.system(), names.administrators()));
        if (Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (IpcClient.isAlive(socket)) {
                throw new IOException("another wuproxy agent is running and listening at " + socket + "; stop it first");
            }
            Files.delete(socket); // left behind by an agent that crashed
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        IpcServer server;
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
            access.grant(socket);
            server = new IpcServer(socket, policy, organisation, operations, IpcTokens.create(tokenFolder(socket), names), channel, limits);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(socket);
            throw e;
        }
        server.loop.start();
        return server;
    }

    /** The token files live beside the socket. */
    public static Path tokenFolder(Path socket) {
        return IpcTokens.folder(socket);
    }

    /** On the I/O thread: hands the request to a worker, or answers at once when none is free. */
    private void received(Connection connection, String line) {
        try {
            quick.execute(() -> work(connection, line));
        } catch (RejectedExecutionException e) {
            loop.answer(connection, Json.write(refusal(new AgentRefusal(AgentRefusal.Kind.BUSY, "the agent is busy with other requests; try again in a moment", AgentRefusal.Why.of("busy")))));
        }
    }

    private void work(Connection connection, String line) {
        Optional<IpcProtocol.Op> op = Optional.empty();
        ObjectNode reply;
        try {
            if (line == null) {
                throw new AgentRefusal(AgentRefusal.Kind.BAD_REQUEST, "malformed request: longer than " + IpcProtocol.MAX_LINE + " bytes");
            }
            JsonNode request = parse(line);
            String user = connection.peer.orElseGet(() -> tokenIdentity(request));
            op = Optional.of(authorise(user, request));
            if (op.get().cost == IpcProtocol.Cost.HEAVY) {
                IpcProtocol.Op heavyOp = op.get();
                try {
                    heavy.execute(() -> finish(connection, heavyOp, run(heavyOp, request, user)));
                    return;
                } catch (RejectedExecutionException e) {
                    throw new AgentRefusal(AgentRefusal.Kind.BUSY, "the agent is busy with another " + heavyOp.word + "; try again in a moment",
                            AgentRefusal.Why.of("busy-with", heavyOp.word));
                }
            }
            reply = run(op.get(), request, user);
        } catch (AgentRefusal refusal) {
            reply = refusal(refusal);
        } catch (Throwable e) { // no failure of one request, not even running out of stack or memory, ends the channel
            reply = failed(op, e);
        }
        finish(connection, op.orElse(null), reply);
    }

    private void finish(Connection connection, IpcProtocol.Op op, ObjectNode reply) {
        try {
            if (op == IpcProtocol.Op.SUBSCRIBE && reply.path("ok").asBoolean()) {
                loop.subscribe(connection, Json.write(reply), Json.write(refusal(new AgentRefusal(AgentRefusal.Kind.BUSY, "too many trays are subscribed", AgentRefusal.Why.of("too-many-trays")))));
            } else {
                loop.answer(connection, Json.write(reply));
            }
        } catch (Throwable e) {
            loop.answer(connection, Json.write(failed(Optional.ofNullable(op), e)));
        }
    }

    /** Does one allowed request; the answer, or a refusal answer. Never throws. */
    private ObjectNode run(IpcProtocol.Op op, JsonNode request, String user) {
        try {
            IpcOperation operation = operations.get(op);
            if (operation == null) {
                throw new AgentRefusal(AgentRefusal.Kind.UNSUPPORTED, "this agent does not offer " + op.word);
            }
            ObjectNode reply = operation.handle(request, policy.allows(user, IpcProtocol.Right.ADMIN));
            if (reply == null) {
                throw new IllegalStateException("no answer from " + op.word);
            }
            return reply.put("v", IpcProtocol.VERSION);
        } catch (AgentRefusal refusal) {
            return refusal(refusal);
        } catch (Throwable e) {
            return failed(Optional.of(op), e);
        }
    }

    /** The answer to one request line from {@code user}, for the tests and the fuzzer: parsing, the right check and the table. */
    ObjectNode handle(String user, String line) {
        try {
            JsonNode request = parse(line);
            return run(authorise(user, request), request, user);
        } catch (AgentRefusal refusal) {
            return refusal(refusal);
        }
    }

    private static JsonNode parse(String line) throws AgentRefusal {
        try {
            JsonNode request = Json.parse(line);
            Json.object(request, "request");
            Json.onlyKeys(request, "", IpcProtocol.FIELDS);
            return request;
        } catch (JsonFormatException e) {
            throw new AgentRefusal(AgentRefusal.Kind.BAD_REQUEST, "malformed request: " + e.getMessage());
        }
    }

    private IpcProtocol.Op authorise(String user, JsonNode request) throws AgentRefusal {
        if (request.path("v").asInt(-1) != IpcProtocol.VERSION) {
            String theirs = request.has("v") ? Json.write(request.get("v")) : "none";
            throw new AgentRefusal(AgentRefusal.Kind.BAD_REQUEST, "unsupported protocol version " + theirs + "; this agent speaks " + IpcProtocol.VERSION,
                    AgentRefusal.Why.of("protocol", theirs, String.valueOf(IpcProtocol.VERSION)));
        }
        String word = request.path("op").asText("");
        IpcProtocol.Op op = IpcProtocol.Op.named(word).orElseThrow(() -> new AgentRefusal(AgentRefusal.Kind.BAD_REQUEST,
                "unknown operation \"" + word + "\"; known: " + IpcProtocol.Op.known()));
        try {
            policy.check(user, op, request, organisation.get());
        } catch (AgentRefusal refusal) {
            refusals.take().ifPresent(leftOut -> log.warn("local channel: refused {} for user {}: {}{}", op.word, user, refusal.kind().word(),
                    LogBudget.leftOut(leftOut)));
            throw refusal;
        }
        return op;
    }

    private ObjectNode failed(Optional<IpcProtocol.Op> op, Throwable e) {
        String what = op.map(o -> o.word).orElse("answer");
        failures.take().ifPresent(leftOut -> log.error("local channel: {} failed{}; still listening", what, LogBudget.leftOut(leftOut), e));
        return refusal(new AgentRefusal(AgentRefusal.Kind.FAILED, "the agent could not " + what + ": " + e + " (see its log); it is still running"));
    }

    static ObjectNode refusal(AgentRefusal refusal) {
        ObjectNode answer = Json.object().put("v", IpcProtocol.VERSION).put("ok", false).put("refusal", refusal.kind().word())
                .put("error", refusal.reason());
        refusal.why().ifPresent(why -> {
            ObjectNode node = answer.putObject("why").put("code", why.code());
            why.values().forEach(node.putArray("values")::add);
        });
        return answer;
    }

    /** Sends {@code event} to every subscriber without waiting; one that stopped reading is dropped. */
    public void publish(ObjectNode event) {
        loop.publish(Json.write(event.deepCopy().put("v", IpcProtocol.VERSION)));
    }

    /** Without the kernel's word, the right the presented token proves stands for the caller. */
    String tokenIdentity(JsonNode request) {
        return tokens.rightOf(request.path("token").asText("")).map(right -> right == IpcProtocol.Right.ADMIN
                ? IpcPolicy.TOKEN_ADMIN : IpcPolicy.TOKEN_CHOOSER).orElse("(unauthenticated caller)");
    }

    public Path socket() {
        return socket;
    }

    int subscriberCount() {
        return loop.subscriberCount();
    }

    private static ExecutorService pool(String name, int threads, int queue) {
        var pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public void close() throws IOException {
        loop.close();
        quick.shutdownNow();
        heavy.shutdownNow();
        Files.deleteIfExists(socket);
    }
}
