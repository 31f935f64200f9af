package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.proxy.ProxyCheck.Outcome;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How WinHTTP's answers become check outcomes, in the codes Windows Update would log. */
class WinHttpProxyVerifierTest {
    private final UpdateProxy proxy = UpdateProxy.fixed("proxy.corp.example:8080", "");

    @Test
    void anyAnswerOfTheServerMeansThePathWorks() {
        assertEquals(Outcome.REACHED, WinHttpProxyVerifier.interpret(proxy, 200).outcome());
        assertEquals(Outcome.REACHED, WinHttpProxyVerifier.interpret(proxy, 404).outcome());
    }

    @Test
    void a407IsTheProxyAskingForAPassword() {
        var check = WinHttpProxyVerifier.interpret(proxy, 407);
        assertEquals(Outcome.AUTH_REQUIRED, check.outcome());
        assertEquals(Optional.of(0x8024401B), check.wouldFailWith());
    }

    @Test
    void winHttpErrorsBecomeTheHresultsWindowsUpdateLogs() {
        var cannotConnect = WinHttpProxyVerifier.failedCall(proxy, "WinHttpSendRequest", 12029);
        assertEquals(Outcome.UNREACHABLE, cannotConnect.outcome());
        assertEquals(Optional.of(0x80072EFD), cannotConnect.wouldFailWith());
        assertEquals("the connection to the server or the proxy failed (WinHttpSendRequest: ERROR_WINHTTP_CANNOT_CONNECT, 12029)",
                cannotConnect.detail(), "says what happened first, the call for IT after");
        assertEquals(Optional.of(0x80072EE7), WinHttpProxyVerifier.failedCall(proxy, "WinHttpSendRequest", 12007).wouldFailWith());
        assertEquals(Outcome.REFUSED, WinHttpProxyVerifier.failedCall(proxy, "WinHttpSendRequest", 12175).outcome());
    }
}
