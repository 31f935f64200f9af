package io.github.wuproxy.probe;

import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.core.proxy.ProxyCheck.Outcome;
import io.github.wuproxy.core.proxy.ProxyEndpoint;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.ProxyVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a proxy as Windows Update's first request would use it: an HTTP CONNECT to the scan
 * endpoint on port 443, with no credentials, so a proxy that wants a password answers 407. Direct
 * is checked with a plain TCP connection to the endpoint. The TLS handshake is not part of the check.
 */
public final class HttpConnectVerifier implements ProxyVerifier {
    /** The scan endpoint (reference §9). */
    public static final String UPDATE_HOST = "fe3cr.delivery.mp.microsoft.com";
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final String targetHost;
    private final int targetPort;
    private final Duration timeout;

    public HttpConnectVerifier(String targetHost, int targetPort, Duration timeout) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.timeout = timeout;
    }

    public static HttpConnectVerifier windowsUpdate(Duration timeout) {
        return new HttpConnectVerifier(UPDATE_HOST, 443, timeout);
    }

    @Override
    public ProxyCheck check(UpdateProxy proxy) {
        if (!(proxy instanceof UpdateProxy.Fixed fixed)) {
            return direct(proxy);
        }
        Optional<ProxyEndpoint> endpoint = ProxyEndpoint.forScheme(fixed, "https");
        if (endpoint.isEmpty()) {
            return direct(proxy); // no https= entry and no plain one: WinHTTP sends HTTPS direct
        }
        ProxyEndpoint via = endpoint.get();
        try (Socket socket = connect(via.host(), via.port())) {
            String target = targetHost + ":" + targetPort;
            String request = "CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\nUser-Agent: wuproxy-verify\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = firstLine(socket.getInputStream());
            Matcher status = STATUS_LINE.matcher(statusLine);
            if (!status.matches()) {
                return ProxyCheck.failed(proxy, Outcome.REFUSED, "the proxy " + via + " did not answer in HTTP", 0x80072F78);
            }
            int code = Integer.parseInt(status.group(1));
            if (code / 100 == 2) {
                return ProxyCheck.reached(proxy, "the proxy " + via + " opened a tunnel to " + target);
            }
            Outcome outcome = code == 407 ? Outcome.AUTH_REQUIRED : Outcome.REFUSED;
            return ProxyCheck.failed(proxy, outcome, "the proxy " + via + " answered HTTP " + code
                    + (code == 407 ? " (it wants a password)" : ""), UpdateErrors.forHttpStatus(code));
        } catch (IOException e) {
            return unreachable(proxy, "the proxy " + via, e);
        }
    }

    private ProxyCheck direct(UpdateProxy proxy) {
        try {
            connect(targetHost, targetPort).close();
            return ProxyCheck.reached(proxy, "connected directly to " + targetHost + ":" + targetPort);
        } catch (IOException e) {
            return unreachable(proxy, targetHost + ":" + targetPort, e);
        }
    }

    private Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket(java.net.Proxy.NO_PROXY);
        try {
            int millis = (int) timeout.toMillis();
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private ProxyCheck unreachable(UpdateProxy proxy, String what, IOException e) {
        if (e instanceof UnknownHostException) {
            return ProxyCheck.failed(proxy, Outcome.UNREACHABLE, "the name of " + what + " is not known on this network", 0x80072EE7);
        }
        if (e instanceof SocketTimeoutException) {
            return ProxyCheck.failed(proxy, Outcome.UNREACHABLE, what + " did not answer within " + timeout.toMillis() + " ms", 0x80072EE2);
        }
        if (e instanceof ConnectException) {
            return ProxyCheck.failed(proxy, Outcome.UNREACHABLE, what + " refused the connection", 0x80072EFD);
        }
        return ProxyCheck.failed(proxy, Outcome.UNREACHABLE, what + " failed: " + e.getMessage(), 0x80072EFE);
    }

    /** The status line, read up to the first CRLF within a bounded header. */
    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() >= MAX_HEADER_BYTES) {
                break;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
