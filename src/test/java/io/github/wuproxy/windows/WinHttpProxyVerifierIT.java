package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.proxy.ProxyCheck.Outcome;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.testing.LocalProxyServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The WinHTTP probe through live proxies on 127.0.0.1 to the real scan endpoint (the runner has internet). */
@EnabledOnOs(OS.WINDOWS)
class WinHttpProxyVerifierIT {
    private final WinHttpProxyVerifier verifier = WinHttpProxyVerifier.open(Duration.ofSeconds(10));

    @Test
    void getsThroughAProxyThatTunnels() throws Exception {
        try (var proxy = new LocalProxyServer(LocalProxyServer.Mode.TUNNEL)) {
            var check = verifier.check(UpdateProxy.fixed(proxy.address(), ""));
            assertEquals(Outcome.REACHED, check.outcome(), check.describe());
        }
    }

    @Test
    void seesThe407AsSystemWould() throws Exception {
        try (var proxy = new LocalProxyServer(LocalProxyServer.Mode.WANTS_PASSWORD)) {
            var check = verifier.check(UpdateProxy.fixed(proxy.address(), ""));
            assertEquals(Outcome.AUTH_REQUIRED, check.outcome(), check.describe());
        }
    }

    @Test
    void reportsAProxyThatIsDownAs0x80072EFD() throws Exception {
        var check = verifier.check(UpdateProxy.fixed("127.0.0.1:" + LocalProxyServer.closedPort(), ""));
        assertEquals(Optional.of(0x80072EFD), check.wouldFailWith(), check.describe());
    }
}
