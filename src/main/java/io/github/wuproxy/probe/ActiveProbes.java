package io.github.wuproxy.probe;

import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.ProbeResults;
import io.github.wuproxy.port.ProbeRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the active probes that rules ask for, all in parallel, each bounded by the probe timeout. A
 * probe that fails or times out leaves no result, which rules read as "no".
 */
public final class ActiveProbes {
    private static final Logger log = LoggerFactory.getLogger(ActiveProbes.class);
    private final NameResolver resolver;
    private final Duration timeout;
    private final ExecutorService pool;

    public ActiveProbes(NameResolver resolver, Duration timeout, ExecutorService pool) {
        this.resolver = resolver;
        this.timeout = timeout;
        this.pool = pool;
    }

    public ProbeResults run(ProbeRequest request) {
        Map<String, List<IpAddress>> dns = new ConcurrentHashMap<>();
        Map<String, String> reverse = new ConcurrentHashMap<>();
        Set<String> reachable = ConcurrentHashMap.newKeySet();
        Map<String, String> beacons = new ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>();
        request.hostsToResolve().forEach(host -> running.add(submit("resolve " + host, () -> {
            List<IpAddress> answer = resolver.resolve(host);
            if (!answer.isEmpty()) {
                dns.put(host, answer);
            }
            return null;
        })));
        request.addressesToReverse().forEach(address -> running.add(submit("reverse " + address, () -> {
            resolver.reverse(IpAddress.parse(address)).ifPresent(name -> reverse.put(address, name));
            return null;
        })));
        request.endpoints().forEach(endpoint -> running.add(submit("connect " + endpoint, () -> {
            if (connects(endpoint)) {
                reachable.add(endpoint);
            }
            return null;
        })));
        request.beaconUrls().forEach(url -> running.add(submit("beacon " + url, () -> {
            certificateSha256(url).ifPresent(sha -> beacons.put(url, sha));
            return null;
        })));
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.MILLISECONDS.toNanos(100);
        for (Future<?> probe : running) {
            try {
                probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                probe.cancel(true);
            } catch (Exception e) {
                // Logged in the probe; no result means "no".
            }
        }
        return new ProbeResults(Map.copyOf(dns), Map.copyOf(reverse), new HashSet<>(reachable), Map.copyOf(beacons), Map.of());
    }

    private Future<?> submit(String what, Callable<Void> probe) {
        return pool.submit(() -> {
            try {
                return probe.call();
            } catch (Exception e) {
                log.debug("probe {} gave no answer: {}", what, e.toString());
                return null;
            }
        });
    }

    private boolean connects(String endpoint) throws IOException {
        int colon = endpoint.lastIndexOf(':');
        String host = endpoint.substring(0, colon).replace("[", "").replace("]", "");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, Integer.parseInt(endpoint.substring(colon + 1))), (int) timeout.toMillis());
            return true;
        }
    }

    /** The SHA-256 of the certificate the server presents; no other trust is given or needed. */
    Optional<String> certificateSha256(String url) throws Exception {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        var presented = new X509Certificate[1];
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new X509TrustManager[] {new RecordingTrustManager(presented)}, null);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, uri.getHost(), port, true)) {
                SSLParameters parameters = tls.getSSLParameters();
                if (!io.github.wuproxy.core.location.IpAddress.isLiteral(uri.getHost())) {
                    parameters.setServerNames(List.of(new SNIHostName(uri.getHost())));
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
            }
        }
        return presented[0] == null ? Optional.empty() : Optional.of(sha256(presented[0].getEncoded()));
    }

    static String sha256(byte[] der) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    /** Accepts any chain but remembers the leaf: the beacon is trusted by its fingerprint alone. */
    private record RecordingTrustManager(X509Certificate[] presented) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a probe is never a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            if (chain != null && chain.length > 0) {
                presented[0] = chain[0];
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
