package io.github.wuproxy.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** The CLI's and the tray's end of the local channel; every wait has a deadline. */
public final class IpcClient {
    /** Longest answer read; the agent's are a few kilobytes. */
    static final int MAX_ANSWER = 4 * 1024 * 1024;
    private final Path socket;

    public IpcClient(Path socket) {
        this.socket = socket;
    }

    /** Whether an agent answers at {@code socket} (a leftover file from a crash does not). */
    public static boolean isAlive(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one request and returns the answer, waiting as long as its operation may take. */
    public JsonNode send(ObjectNode request) throws IOException {
        Duration timeout = IpcProtocol.Op.named(request.path("op").asText("")).map(op -> op.cost.clientTimeout)
                .orElse(IpcProtocol.Cost.QUICK.clientTimeout);
        return send(request, timeout);
    }

    /** Sends one request and returns the answer; throws IOException with the reason when none comes within {@code timeout}. */
    public JsonNode send(ObjectNode request, Duration timeout) throws IOException {
        try (Connection connection = connect(request, timeout)) {
            String answer = connection.readToEnd();
            return Json.parse(answer);
        } catch (JsonFormatException e) {
            throw new IOException("the agent's answer was not understood: " + e.getMessage(), e);
        }
    }

    /**
     * Subscribes and calls {@code onStatus} with the first answer and every status the agent pushes,
     * until the connection ends (the agent stopped); then returns.
     */
    public void subscribe(Consumer<JsonNode> onStatus) throws IOException {
        try (Connection connection = connect(request("subscribe"), IpcProtocol.Cost.QUICK.clientTimeout)) {
            boolean first = true;
            String line;
            while ((line = connection.readLine(first)) != null) {
                first = false;
                try {
                    onStatus.accept(Json.parse(line));
                } catch (JsonFormatException e) {
                    throw new IOException("the agent's answer was not understood: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The bytes a request goes out as: the protocol version and the strongest token this caller can read, added. */
    String line(ObjectNode request) {
        request.put("v", IpcProtocol.VERSION);
        IpcTokens.readable(IpcTokens.folder(socket)).ifPresent(token -> request.put("token", token));
        return Json.write(request) + "\n";
    }

    /**
     * The folder on the way to {@code socket} that this account may not enter, if one is why the
     * socket cannot be seen: the deepest folder that can be seen, when it cannot be entered.
     */
    public static Optional<Path> closedFolder(Path socket) {
        for (Path folder = socket.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder)) {
                return Files.isDirectory(folder) && !Files.isExecutable(folder) ? Optional.of(folder) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Connection connect(ObjectNode request, Duration timeout) throws IOException {
        if (!Files.exists(socket)) {
            Optional<Path> closed = closedFolder(socket);
            if (closed.isPresent()) {
                throw new IOException("user " + System.getProperty("user.name") + " may not reach the agent's channel: " + closed.get()
                        + " is open only to the account the agent runs as (run this as that user, or as root)");
            }
            throw new IOException("no wuproxy agent is running (no socket at " + socket + "); start it with `wuproxy agent`");
        }
        String op = request.path("op").asText("");
        Connection connection = new Connection(socket, op, timeout);
        try {
            connection.connectAndWrite(line(request));
            return connection;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public static ObjectNode request(String op) {
        return Json.object().put("op", op);
    }

    /** One connection with a deadline on every wait. */
    private static final class Connection implements AutoCloseable {
        private final Path socket;
        private final String op;
        private final Duration timeout;
        private final long deadline;
        private final SocketChannel channel;
        private final Selector selector;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final ByteBuffer in = ByteBuffer.allocate(8192);
        private boolean ended;

        Connection(Path socket, String op, Duration timeout) throws IOException {
            this.socket = socket;
            this.op = op;
            this.timeout = timeout;
            this.deadline = System.nanoTime() + timeout.toNanos();
            this.channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            this.selector = Selector.open();
        }

        void connectAndWrite(String line) throws IOException {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.configureBlocking(false);
                ByteBuffer out = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
                while (out.hasRemaining()) {
                    await(key, true);
                    channel.write(out);
                }
                key.interestOps(SelectionKey.OP_READ);
            } catch (TimeoutIOException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("no wuproxy agent answers at " + socket + " (" + e.getMessage() + "); start it with `wuproxy agent`", e);
            }
        }

        String readToEnd() throws IOException {
            while (fill(true)) {
                // until the agent closes
            }
            return pending.toString(StandardCharsets.UTF_8);
        }

        /** The next line, or null at the end; {@code timed}: within the deadline, else as long as it takes. */
        String readLine(boolean timed) throws IOException {
            while (true) {
                byte[] bytes = pending.toByteArray();
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        pending.reset();
                        pending.write(bytes, i + 1, bytes.length - i - 1);
                        return new String(bytes, 0, i, StandardCharsets.UTF_8);
                    }
                }
                if (!fill(timed)) {
                    return bytes.length == 0 ? null : new String(bytes, StandardCharsets.UTF_8);
                }
            }
        }

        /** Reads what is there; false at the end. */
        private boolean fill(boolean timed) throws IOException {
            if (ended) {
                return false;
            }
            await(channel.keyFor(selector), timed);
            int count;
            try {
                count = channel.read(in);
            } catch (IOException e) {
                throw new IOException("the agent at " + socket + " broke off its answer to " + op + " (" + e.getMessage() + ")", e);
            }
            if (count < 0) {
                ended = true;
                return false;
            }
            pending.write(in.array(), 0, in.position());
            in.clear();
            if (pending.size() > MAX_ANSWER) {
                throw new IOException("the agent's answer to " + op + " is longer than " + MAX_ANSWER + " bytes; not read");
            }
            return true;
        }

        private void await(SelectionKey key, boolean timed) throws IOException {
            while (true) {
                long left = deadline - System.nanoTime();
                if (timed && left <= 0) {
                    throw new TimeoutIOException("the agent at " + socket + " did not answer " + op + " within " + timeout.toSeconds()
                            + " s; it may be stuck. See its log (`wuproxy diagnose`), or restart it");
                }
                selector.select(timed ? Math.max(1, left / 1_000_000) : 0);
                if (!selector.selectedKeys().isEmpty()) {
                    selector.selectedKeys().clear();
                    return;
                }
                if (!key.isValid()) {
                    throw new IOException("the connection to the agent at " + socket + " closed");
                }
            }
        }

        @Override
        public void close() throws IOException {
            try {
                selector.close();
            } finally {
                channel.close();
            }
        }
    }

    /** No answer within the time the operation may take. */
    static final class TimeoutIOException extends IOException {
        private static final long serialVersionUID = 1L;

        TimeoutIOException(String message) {
            super(message);
        }
    }
}
