package io.github.wuproxy.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateProxyTest {
    @Test
    void normalisesSeparatorsSoEqualProxiesCompareEqual() {
        assertEquals(UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example"),
                UpdateProxy.fixed(" proxy.corp.example:8080 ", "<LOCAL> *.corp.example"));
        assertEquals("http=p1.example:80;https=p2.example:443",
                UpdateProxy.fixed("HTTP=p1.example:80  https=p2.example:443", "").server());
        assertEquals("[fd00::8]:3128", UpdateProxy.fixed("[FD00:0::8]:3128", null).server());
        assertEquals("http://proxy.example:80", UpdateProxy.fixed("http://proxy.example:80", "").server());
        assertEquals("proxy.example", UpdateProxy.fixed("proxy.example", "").server());
    }

    @Test
    void describesLikeNetsh() {
        assertEquals("direct", UpdateProxy.direct().describe());
        assertEquals("proxy.corp.example:8080 (bypass <local>)", UpdateProxy.fixed("proxy.corp.example:8080", "<local>").describe());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "''                          | a fixed proxy needs host:port, got an empty server",
        "proxy.corp.example:80a      | proxy entry \"proxy.corp.example:80a\": the port must be a number from 1 to 65535, found \"80a\"",
        "proxy.corp.example:0        | proxy entry \"proxy.corp.example:0\": the port must be a number from 1 to 65535, found \"0\"",
        "proxy.corp.example:70000    | proxy entry \"proxy.corp.example:70000\": the port must be a number from 1 to 65535, found \"70000\"",
        ":8080                       | proxy entry \":8080\" has no host name before the port",
        "prox y:80;a:1               | the proxy list has two entries without a scheme; keep one, or prefix them with http= / https=",
        "http=a:1;http=b:2           | the proxy list has two http= entries; keep one",
        "gopher=a:1                  | proxy entry \"gopher=a:1\" names scheme \"gopher\"; WinHTTP knows http=, https=, ftp= and socks=",
        "proxy.corp.example:8080/x   | proxy entry \"proxy.corp.example:8080/x\" has a path; give only host:port, like proxy.corp.example:8080",
        "bad_host!:80                | proxy entry \"bad_host!:80\": \"bad_host!\" is not a host name (letters, digits and hyphens between dots) or an IPv4 address",
        "fd00::8:3128                | proxy entry \"fd00::8:3128\": write an IPv6 address in brackets, like [fd00::8]:8080",
    })
    void namesTheBadPartOfAProxyList(String server, String message) {
        assertEquals(message, assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed(server, "")).getMessage());
    }

    @Test
    void refusesNonAsciiAsWinHttpDoes() {
        assertEquals("the proxy server has the character U+00FC at position 2; WinHTTP takes plain ASCII only "
                        + "(write an internationalised name in its xn-- form)",
                assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed("bücher.example:80", "")).getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"http://alice:s3cret@proxy.example:8080", "alice:s3cret pw@proxy.example:8080",
        "alice:s3cret;pw@proxy.example:8080", "alice:s3cret\tpw@proxy.example:8080", "http=alice:s3cret;https=bob:s3cret@p.example:1",
        "alice:s3cret/x%40@proxy.example:8080"})
    void neverRepeatsAPasswordInAMessage(String server) {
        var e = assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed(server, ""));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertEquals("the proxy server carries credentials (a user:password@ part); WinHTTP takes none in the proxy string, so remove it",
                e.getMessage());
        var bypass = assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed("proxy.example:8080", server));
        assertFalse(bypass.getMessage().contains("s3cret"), bypass.getMessage());
    }

    @Test
    void namesABadBypassEntry() {
        assertEquals("bypass entry \"<intranet>\" is not known; the only macros are <local> (names without a dot) and <-loopback>",
                assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed("p:1", "<intranet>")).getMessage());
        assertEquals("bypass entry \"a,b\" is not a host, address or wildcard pattern (like *.corp.example, 10.*, <local>)",
                assertThrows(InvalidProxyException.class, () -> UpdateProxy.fixed("p:1", "a,b")).getMessage());
    }

    @Test
    void userSettingsFollowWinInetPrecedence() {
        var manual = Optional.of(UpdateProxy.fixed("p.example:8080", ""));
        assertEquals(UserProxySettings.Mode.AUTO_DETECT,
                new UserProxySettings(true, Optional.of("http://wpad.example/wpad.dat"), manual).mode());
        assertEquals(UserProxySettings.Mode.PAC, new UserProxySettings(false, Optional.of("http://wpad.example/x.pac"), manual).mode());
        assertEquals(UserProxySettings.Mode.FIXED, new UserProxySettings(false, Optional.of(" "), manual).mode());
        assertEquals(UserProxySettings.Mode.DIRECT, UserProxySettings.DIRECT.mode());
    }

    @Test
    void pacUrlsAreShownWithoutTokens() {
        assertEquals("setup script http://***@pac.example/p.pac?...",
                UserProxySettings.pac("http://u:tok@pac.example/p.pac?key=123").describe());
        assertThrows(InvalidProxyException.class, () -> UserProxySettings.pac("ftp://pac.example/p.pac"));
    }
}
