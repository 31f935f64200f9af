package io.github.wuproxy.ipc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A caller in a process of its own, run as another account (java.* only, so it needs nothing but
 * the test classes): sends each argument after the socket as one request line, {@code repeat} times,
 * and prints each answer on a line of its own, or "ERROR " and why the connection failed.
 * Arguments: SOCKET REPEAT LINE...
 */
public final class RawClient {
    private RawClient() {}

    public static void main(String[] args) {
        Path socket = Path.of(args[0]);
        int repeat = Integer.parseInt(args[1]);
        for (int i = 2; i < args.length; i++) {
            String last = null;
            int refused = 0;
            for (int n = 0; n < repeat; n++) {
                last = send(socket, args[i]);
                if (!last.contains("\"ok\":true")) {
                    refused++;
                }
            }
            System.out.println(repeat == 1 ? last : refused + " of " + repeat + " refused; the last: " + last);
        }
    }

    private static String send(Path socket, String line) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            var answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (channel.read(in) >= 0) {
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
            return answer.toString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "ERROR " + e.getMessage();
        }
    }
}
