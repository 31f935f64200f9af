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
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CLI's and the tray's end of the local channel. */
public final class IpcClient {
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

    /** Sends one request and returns the answer; throws IOException when no agent listens. */
    public JsonNode send(ObjectNode request) throws IOException {
        if (!Files.exists(socket)) {
            throw new IOException("no wuproxy agent is running (no socket at " + socket + "); start it with `wuproxy agent`");
        }
        try (SocketChannel channel = connectAndSend(request)) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (channel.read(in) >= 0) {
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
            return Json.parse(answer.toString(StandardCharsets.UTF_8));
        } catch (JsonFormatException e) {
            throw new IOException("the agent's answer was not understood: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("no wuproxy agent answers at " + socket + " (" + e.getMessage() + "); start it with `wuproxy agent`", e);
        }
    }

    /**
     * Subscribes and calls {@code onStatus} with the first answer and every status the agent pushes,
     * until the connection ends (the agent stopped); then returns.
     */
    public void subscribe(java.util.function.Consumer<JsonNode> onStatus) throws IOException {
        try (SocketChannel channel = connectAndSend(request("subscribe"))) {
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(java.nio.channels.Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    onStatus.accept(Json.parse(line));
                } catch (JsonFormatException e) {
                    throw new IOException("the agent's answer was not understood: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Connects, and writes {@code request} with the protocol version and the strongest token this caller can read. */
    private SocketChannel connectAndSend(ObjectNode request) throws IOException {
        request.put("v", IpcProtocol.VERSION);
        IpcTokens.readable(IpcServer.tokenFolder(socket)).ifPresent(token -> request.put("token", token));
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap((request.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public static ObjectNode request(String op) {
        return Json.MAPPER.createObjectNode().put("op", op);
    }
}
