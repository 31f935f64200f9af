package io.github.wuproxy.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import jdk.net.ExtendedSocketOptions;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's end of the local channel: a Unix-domain socket. Every caller is identified by the
 * operating system (SO_PEERCRED), never by what it says, and checked against the policy per request.
 */
public final class IpcServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IpcServer.class);
    private final Path socket;
    private final IpcPolicy policy;
    private final IpcHandler handler;
    private final IpcTokens tokens;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final java.util.List<SocketChannel> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Pushes to subscribers off the caller's thread, so a slow tray never holds up the engine. */
    private final java.util.concurrent.ExecutorService publisher = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wuproxy-ipc-publish");
        t.setDaemon(true);
        return t;
    });

    /** What the agent does for an allowed request; answers an object with "ok" and more. */
    public interface IpcHandler {
        /** {@code admin}: the caller has administrator rights (policy locks do not bind it). */
        ObjectNode handle(String op, JsonNode request, boolean admin) throws IpcRefusal;
    }

    /** A request that is understood but cannot be done; the message goes back to the caller. */
    public static final class IpcRefusal extends Exception {
        private static final long serialVersionUID = 1L;

        public IpcRefusal(String message) {
            super(message);
        }
    }

    private IpcServer(Path socket, IpcPolicy policy, IpcHandler handler, IpcTokens tokens, ServerSocketChannel server) {
        this.socket = socket;
        this.policy = policy;
        this.handler = handler;
        this.tokens = tokens;
        this.server = server;
        this.acceptor = new Thread(this::serve, "wuproxy-ipc");
        acceptor.setDaemon(true);
    }

    /** Listens at {@code socket}; a stale socket file is replaced, a live agent's is not. */
    public static IpcServer start(Path socket, IpcPolicy policy, IpcHandler handler) throws IOException {
        return start(socket, policy, handler, AccountNames.ENGLISH);
    }

    /** Listens at {@code socket}; on Windows the token files are locked to the accounts {@code names} names. */
    public static IpcServer start(Path socket, IpcPolicy policy, IpcHandler handler, AccountNames names) throws IOException {
        Files.createDirectories(socket.getParent());
        if (Files.exists(socket)) {
            if (IpcClient.isAlive(socket)) {
                throw new IOException("another wuproxy agent is running and listening at " + socket + "; stop it first");
            }
            Files.delete(socket); // left behind by an agent that crashed
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(socket));
        if (socket.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Anyone may connect; the policy, checked against the kernel's word on who called, decides.
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        }
        IpcServer server = new IpcServer(socket, policy, handler, IpcTokens.create(tokenFolder(socket), names), channel);
        server.acceptor.start();
        return server;
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                if (!answer(client)) {
                    client.close();
                }
            } catch (IOException e) {
                if (server.isOpen()) {
                    log.warn("local channel: {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                log.error("local channel: unexpected failure; still listening", e);
            }
        }
    }

    /** The token files live beside the socket. */
    public static Path tokenFolder(Path socket) {
        return socket.resolveSibling("ipc");
    }

    /** Answers one request; true when the caller subscribed and the connection stays open. */
    private boolean answer(SocketChannel client) throws IOException {
        Optional<String> user = peer(client);
        ObjectNode reply;
        boolean subscribed = false;
        try {
            JsonNode request = Json.parse(readLine(client));
            reply = handle(user.orElseGet(() -> tokenIdentity(request)), request);
            subscribed = request.path("op").asText().equals("subscribe") && reply.path("ok").asBoolean();
        } catch (JsonFormatException e) {
            reply = refusal("malformed request: " + e.getMessage());
        }
        if (!subscribed) {
            write(client, reply);
            return false;
        }
        // On the publishing thread, in order with publishes: the first answer comes first, and nothing
        // published after the subscriber has seen it is missed.
        ObjectNode first = reply;
        publisher.execute(() -> {
            try {
                write(client, first);
                subscribers.add(client);
            } catch (IOException e) {
                log.debug("a subscriber left at once: {}", e.getMessage());
            }
        });
        return true;
    }

    private static void write(SocketChannel client, ObjectNode line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((line.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            client.write(out);
        }
    }

    /** Sends {@code event} to every subscriber; one that is gone is dropped. */
    public void publish(ObjectNode event) {
        ObjectNode line = event.deepCopy().put("v", IpcProtocol.VERSION);
        publisher.execute(() -> {
            for (SocketChannel subscriber : subscribers) {
                try {
                    write(subscriber, line);
                } catch (IOException e) {
                    subscribers.remove(subscriber);
                    try {
                        subscriber.close();
                    } catch (IOException ignored) {
                        // already gone
                    }
                }
            }
        });
    }

    ObjectNode handle(String user, JsonNode request) throws JsonFormatException {
        Json.object(request, "request");
        Json.onlyKeys(request, "", IpcProtocol.FIELDS);
        if (request.path("v").asInt(-1) != IpcProtocol.VERSION) {
            return refusal("unsupported protocol version " + request.path("v") + "; this agent speaks " + IpcProtocol.VERSION);
        }
        String op = request.path("op").asText("");
        IpcProtocol.Right right = IpcProtocol.OPERATIONS.get(op);
        if (right == null) {
            return refusal("unknown operation \"" + op + "\"; known: " + String.join(", ", IpcProtocol.OPERATIONS.keySet().stream().sorted().toList()));
        }
        if (!policy.allows(user, right)) {
            log.warn("local channel: refused {} for user {}", op, user);
            return refusal("user " + user + " may not " + op + (right == IpcProtocol.Right.ADMIN
                    ? ": only administrators may pause, resume or reload" : ": not allowed by the agent's policy"));
        }
        try {
            return handler.handle(op, request, policy.allows(user, IpcProtocol.Right.ADMIN)).put("v", IpcProtocol.VERSION);
        } catch (IpcRefusal e) {
            return refusal(e.getMessage());
        }
    }

    private static ObjectNode refusal(String why) {
        return Json.MAPPER.createObjectNode().put("v", IpcProtocol.VERSION).put("ok", false).put("error", why);
    }

    /** The caller as the kernel knows it; empty where the OS cannot say (Windows). */
    private static Optional<String> peer(SocketChannel client) throws IOException {
        try {
            UnixDomainPrincipal principal = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return Optional.of(principal.user().getName());
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Without the kernel's word, the right the presented token proves stands for the caller. */
    String tokenIdentity(JsonNode request) {
        return tokens.rightOf(request.path("token").asText("")).map(right -> right == IpcProtocol.Right.ADMIN
                ? IpcPolicy.TOKEN_ADMIN : IpcPolicy.TOKEN_CHOOSER).orElse("(unauthenticated caller)");
    }

    private static String readLine(SocketChannel client) throws IOException, JsonFormatException {
        ByteBuffer buffer = ByteBuffer.allocate(IpcProtocol.MAX_LINE);
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                break;
            }
            for (int i = 0; i < buffer.position(); i++) {
                if (buffer.get(i) == '\n') {
                    return new String(buffer.array(), 0, i, StandardCharsets.UTF_8);
                }
            }
        }
        if (!buffer.hasRemaining()) {
            throw new JsonFormatException("longer than " + IpcProtocol.MAX_LINE + " bytes");
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        server.close();
        publisher.shutdownNow();
        for (SocketChannel subscriber : subscribers) {
            subscriber.close();
        }
        Files.deleteIfExists(socket);
    }

}
