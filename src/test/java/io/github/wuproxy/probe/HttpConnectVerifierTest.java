package io.github.wuproxy.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.core.proxy.ProxyCheck.Outcome;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.testing.LocalProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verify probe against live proxies on 127.0.0.1: one that tunnels, one that wants a password, one that is down. */
class HttpConnectVerifierTest {
    private ServerSocket updateServer;
    private HttpConnectVerifier verifier;

    @BeforeEach
    void startUpdateServer() throws IOException {
        updateServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        verifier = new HttpConnectVerifier("127.0.0.1", updateServer.getLocalPort(), Duration.ofMillis(1500));
    }

    @AfterEach
    void stop() throws IOException {
        updateServer.close();
    }

    @Test
    void reachesTheServerThroughAProxyThatTunnels() throws IOException {
        try (LocalProxyServer proxy = new LocalProxyServer(LocalProxyServer.Mode.TUNNEL)) {
            ProxyCheck check = verifier.check(UpdateProxy.fixed(proxy.address(), "<local>"));

            assertEquals(Outcome.REACHED, check.outcome());
            assertEquals(Optional.empty(), check.wouldFailWith());
            assertTrue(proxy.lastRequest().startsWith("CONNECT 127.0.0.1:" + updateServer.getLocalPort() + " HTTP/1.1\r\n"), proxy.lastRequest());
            assertFalse(proxy.lastRequest().toLowerCase().contains("proxy-authorization"), "no credentials are sent");
        }
    }

    @Test
    void reportsAProxyThatWantsAPasswordAsWindowsUpdateWouldFail() throws IOException {
        try (LocalProxyServer proxy = new LocalProxyServer(LocalProxyServer.Mode.WANTS_PASSWORD)) {
            ProxyCheck check = verifier.check(UpdateProxy.fixed(proxy.address(), ""));

            assertEquals(Outcome.AUTH_REQUIRED, check.outcome());
            assertEquals(Optional.of(0x8024401B), check.wouldFailWith());
            assertTrue(check.describe().contains("HTTP 407") && check.describe().contains("0x8024401B"), check.describe());
        }
    }

    @Test
    void reportsAProxyThatIsDownAsCannotConnect() throws IOException {
        ProxyCheck check = verifier.check(UpdateProxy.fixed("127.0.0.1:" + LocalProxyServer.closedPort(), ""));

        assertEquals(Outcome.UNREACHABLE, check.outcome());
        assertEquals(Optional.of(0x80072EFD), check.wouldFailWith());
    }

    @Test
    void reportsAProxyThatNeverAnswersAsATimeout() throws IOException {
        try (LocalProxyServer proxy = new LocalProxyServer(LocalProxyServer.Mode.SILENT)) {
            ProxyCheck check = new HttpConnectVerifier("127.0.0.1", updateServer.getLocalPort(), Duration.ofMillis(300))
                    .check(UpdateProxy.fixed(proxy.address(), ""));

            assertEquals(Outcome.UNREACHABLE, check.outcome());
            assertEquals(Optional.of(0x80072EE2), check.wouldFailWith());
        }
    }

    @Test
    void reportsThePassedOnRefusalWhenTheProxyCannotReachTheServer() throws IOException {
        int closed = LocalProxyServer.closedPort();
        try (LocalProxyServer proxy = new LocalProxyServer(LocalProxyServer.Mode.TUNNEL)) {
            ProxyCheck check = new HttpConnectVerifier("127.0.0.1", closed, Duration.ofMillis(1500))
                    .check(UpdateProxy.fixed(proxy.address(), ""));

            assertEquals(Outcome.REFUSED, check.outcome());
            assertEquals(Optional.of(0x80244021), check.wouldFailWith());
        }
    }

    @Test
    void usesTheHttpsEntryOfASchemeList() throws IOException {
        try (LocalProxyServer https = new LocalProxyServer(LocalProxyServer.Mode.TUNNEL)) {
            String list = "http=127.0.0.1:" + LocalProxyServer.closedPort() + ";https=" + https.address();

            assertTrue(verifier.check(UpdateProxy.fixed(list, "")).reached());
            assertEquals(1, https.requests());
        }
    }

    @Test
    void checksDirectWithAConnectionToTheServer() throws IOException {
        assertTrue(verifier.check(UpdateProxy.direct()).reached());
        ProxyCheck down = new HttpConnectVerifier("127.0.0.1", LocalProxyServer.closedPort(), Duration.ofMillis(500))
                .check(UpdateProxy.direct());
        assertEquals(Outcome.UNREACHABLE, down.outcome());
        assertEquals(Optional.of(0x80072EFD), down.wouldFailWith());
    }
}
