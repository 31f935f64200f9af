package io.github.wuproxy.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP proxy on 127.0.0.1 for tests: tunnels CONNECT for real, or asks for a password, or never answers. */
public final class LocalProxyServer implements AutoCloseable {
    public enum Mode { TUNNEL, WANTS_PASSWORD, SILENT }

    private static final Pattern CONNECT = Pattern.compile("CONNECT ([^ :]+):(\\d+) HTTP/1\\.[01]");
    private final ServerSocket server;
    private final Mode mode;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String lastRequest = "";

    public LocalProxyServer(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    /** A port on 127.0.0.1 that nothing listens on. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public int requests() {
        return requests.get();
    }

    /** The head of the last request, as received. */
    public String lastRequest() {
        return lastRequest;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            String head = readHead(client.getInputStream());
            lastRequest = head;
            requests.incrementAndGet();
            OutputStream out = client.getOutputStream();
            switch (mode) {
                case SILENT -> client.getInputStream().read();
                case WANTS_PASSWORD -> out.write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                case TUNNEL -> tunnel(head, client);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void tunnel(String head, Socket client) throws IOException {
        Matcher m = CONNECT.matcher(head.lines().findFirst().orElse(""));
        OutputStream out = client.getOutputStream();
        if (!m.matches()) {
            out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        try (Socket target = new Socket(m.group(1), Integer.parseInt(m.group(2)))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pool.execute(() -> copy(target, client));
            copy(client, target);
        } catch (IOException e) {
            out.write("HTTP/1.1 502 Bad Gateway\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n") || head.size() > 16384) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
