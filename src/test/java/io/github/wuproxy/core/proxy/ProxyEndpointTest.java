package io.github.wuproxy.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which entry of a WinHTTP proxy list carries HTTPS, as WinHTTP picks it. */
class ProxyEndpointTest {
    private static Optional<String> https(String list) {
        return ProxyEndpoint.forScheme(UpdateProxy.fixed(list, ""), "https").map(ProxyEndpoint::toString);
    }

    @Test
    void picksTheSchemesOwnEntryThenThePlainOne() {
        assertEquals(Optional.of("proxy:8080"), https("proxy:8080"));
        assertEquals(Optional.of("secure:3128"), https("http=plain:80;https=secure:3128"));
        assertEquals(Optional.of("plain:8080"), https("http=web:80;plain:8080"));
        assertEquals(Optional.empty(), https("http=web:80"), "no HTTPS entry: WinHTTP goes direct");
    }

    @Test
    void fillsInPort80AndKeepsIpv6() {
        assertEquals(Optional.of("proxy:80"), https("http://proxy"));
        assertEquals(Optional.of("[fd00::8]:8080"), https("[fd00::8]:8080"));
    }
}
