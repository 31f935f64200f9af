package io.github.wuproxy.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user, a profile or a network says about a proxy reaches bitsadmin's command line only as
 * an {@link UpdateProxy}, whose grammar admits no space, quote or shell character: so no argument
 * can be split or turned into another command (ArchitectureTest: no other process is started).
 */
class ProcessArgumentsTest {
    @Test
    void hostileProxyTextNeverBecomesAProxy() {
        for (String hostile : List.of("proxy.example:80 & calc.exe", "proxy.example:80\" /c calc", "proxy.example:80|calc",
                "proxy.example:80`calc`", "$(calc):80", "proxy.example:80%COMSPEC%", "proxy.example:80^&calc", "proxy\r\n.example:80")) {
            assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed(hostile, ""), hostile);
        }
        for (String hostile : List.of("<local> & calc.exe", "*.corp.example\" calc", "a|b", "%PATH%")) {
            assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed("proxy.example:80", hostile), hostile);
        }
    }

    @Test
    void validProxiesGiveArgumentsWithoutSpacesOrQuotes() {
        for (UpdateProxy.Fixed proxy : List.of(UpdateProxy.fixed("http=a.example:80;https=[fd00::8]:443", "<local>;*.corp.example;10.*"),
                UpdateProxy.fixed("socks=s.example:1080 p.example:8080", "<-loopback> x.example"))) {
            for (String part : List.of(proxy.server(), proxy.bypass())) {
                assertFalse(part.matches(".*[\\s\"'&|^%`$].*"), part);
            }
        }
    }
}
