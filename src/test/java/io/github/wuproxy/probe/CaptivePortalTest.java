package io.github.wuproxy.probe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A local HTTP server that answers like the real check, like a portal, or not at all. */
class CaptivePortalTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String body, String location) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/connecttest.txt", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/connecttest.txt");
    }

    private static HttpCaptivePortalCheck check(URI url) {
        return new HttpCaptivePortalCheck(url, HttpCaptivePortalCheck.WINDOWS_ANSWER, Duration.ofSeconds(2));
    }

    @Test
    void theExpectedAnswerMeansNoPortal() throws Exception {
        assertFalse(check(serve(200, "Microsoft Connect Test", null)).isCaptive());
    }

    @Test
    void aRedirectToASignInPageIsAPortal() throws Exception {
        assertTrue(check(serve(302, "", "http://portal.hotel.example/login")).isCaptive());
    }

    @Test
    void aLoginPageInsteadOfTheAnswerIsAPortal() throws Exception {
        assertTrue(check(serve(200, "<html>Welcome to Cafe Wi-Fi, please sign in</html>", null)).isCaptive());
    }

    @Test
    void noAnswerAtAllIsNotAPortal() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertFalse(check(URI.create("http://127.0.0.1:" + port + "/connecttest.txt")).isCaptive());
    }
}
