package io.github.wuproxy.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Detects a captive portal as Windows' network status indicator does: fetch a known URL directly and
 * compare the answer. A redirect or any other content means a portal; no answer at all means none
 * can be told (offline or filtered), which is not a portal.
 */
public final class HttpCaptivePortalCheck implements CaptivePortalCheck {
    /** Windows' own check: http://www.msftconnecttest.com/connecttest.txt answers "Microsoft Connect Test". */
    public static final String WINDOWS_URL = "http://www.msftconnecttest.com/connecttest.txt";
    public static final String WINDOWS_ANSWER = "Microsoft Connect Test";
    private final URI url;
    private final String expected;
    private final Duration timeout;

    public HttpCaptivePortalCheck(URI url, String expected, Duration timeout) {
        this.url = url;
        this.expected = expected;
        this.timeout = timeout;
    }

    @Override
    public boolean isCaptive() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            if (status != 200) {
                return true; // a redirect to a sign-in page, 511, or anything else that is not the answer
            }
            try (InputStream body = connection.getInputStream()) {
                String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8).strip();
                return !text.equals(expected);
            }
        } catch (IOException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
