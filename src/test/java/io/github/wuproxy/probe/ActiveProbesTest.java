package io.github.wuproxy.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.ProbeResults;
import io.github.wuproxy.port.ProbeRequest;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every probe kind against a live server on 127.0.0.1; names come from the test's own resolver. */
class ActiveProbesTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path keys;
    private static KeyStore keyStore;
    private static String certificateSha256;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ExecutorService servers = Executors.newCachedThreadPool();

    private static final java.util.concurrent.CountDownLatch NEVER = new java.util.concurrent.CountDownLatch(1);
    private static final NameResolver RESOLVER = new NameResolver() {
        @Override
        public List<IpAddress> resolve(String host) throws IOException {
            if (host.equals("proxy.corp.example")) {
                return List.of(IpAddress.parse("10.20.0.8"));
            }
            if (host.equals("slow.corp.example")) {
                try {
                    NEVER.await(); // a resolver that never answers
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new java.net.UnknownHostException(host);
        }

        @Override
        public Optional<String> reverse(IpAddress address) {
            return address.equals(IpAddress.parse("10.20.0.9")) ? Optional.of("dc1.corp.example") : Optional.empty();
        }
    };

    @BeforeAll
    static void makeACertificate() throws Exception {
        Path store = keys.resolve("beacon.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "beacon", "-keyalg", "EC", "-dname", "CN=nls.corp.example", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        keyStore = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(store.toFile())) {
            keyStore.load(in, PASSWORD);
        }
        certificateSha256 = ActiveProbes.sha256(keyStore.getCertificate("beacon").getEncoded());
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        servers.shutdownNow();
    }

    private ActiveProbes probes(Duration timeout) {
        return new ActiveProbes(RESOLVER, timeout, pool);
    }

    private int tlsServer() throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        servers.submit(() -> {
            try (server; Socket client = server.accept()) {
                ((javax.net.ssl.SSLSocket) client).startHandshake();
            } catch (IOException e) {
                // the probe closes after the handshake
            }
            return null;
        });
        return server.getLocalPort();
    }

    private ServerSocket silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        servers.submit(() -> {
            try (server; Socket client = server.accept()) {
                client.getInputStream().read(); // accepts, then says nothing until the probe gives up
            }
            return null;
        });
        return server;
    }

    @Test
    void resolvesAndReverseResolvesThroughTheGivenResolver() {
        ProbeResults results = probes(Duration.ofSeconds(2)).run(new ProbeRequest(Set.of("proxy.corp.example", "nowhere.corp.example"),
                Set.of("10.20.0.9", "10.20.0.10"), Set.of(), Set.of()));
        assertEquals(Map.of("proxy.corp.example", List.of(IpAddress.parse("10.20.0.8"))), results.dns());
        assertEquals(Map.of("10.20.0.9", "dc1.corp.example"), results.reverseDns());
    }

    @Test
    void reachableMeansATcpConnectionWasAccepted() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int closedPort;
            try (ServerSocket closed = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
                closedPort = closed.getLocalPort();
            }
            String up = "127.0.0.1:" + open.getLocalPort();
            String down = "127.0.0.1:" + closedPort;
            ProbeResults results = probes(Duration.ofSeconds(2)).run(new ProbeRequest(Set.of(), Set.of(), Set.of(up, down), Set.of()));
            assertEquals(Set.of(up), results.reachable());
        }
    }

    @Test
    void aBeaconReportsTheSha256OfTheCertificateItPresents() throws Exception {
        String url = "https://127.0.0.1:" + tlsServer() + "/";
        ProbeResults results = probes(Duration.ofSeconds(3)).run(new ProbeRequest(Set.of(), Set.of(), Set.of(), Set.of(url)));
        assertEquals(Map.of(url, certificateSha256), results.beacons());
    }

    @Test
    void aProbeThatTimesOutGivesNoAnswerAndNoWait() throws Exception {
        try (ServerSocket silent = silentServer()) {
            String url = "https://127.0.0.1:" + silent.getLocalPort() + "/";
            long start = System.nanoTime();
            ProbeResults results = probes(Duration.ofMillis(300)).run(
                    new ProbeRequest(Set.of("slow.corp.example"), Set.of(), Set.of(), Set.of(url)));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(results.isEmpty(), results.toString());
            assertTrue(tookMs < 3_000, "the probes ran in parallel and were cut off at the timeout, took " + tookMs + " ms");
        }
    }
}
