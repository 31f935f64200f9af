package io.github.wuproxy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.AdvancedProxySettings;
import io.github.wuproxy.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code netsh winhttp show advproxy} output, in the format of Microsoft's netsh documentation (fixtures/INDEX.md). */
class AdvancedProxyJsonTest {
    private static String fixture(String name) throws Exception {
        return Files.readString(Fixtures.resourceFolder("fixtures").resolve("winhttp").resolve(name), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsMicrosoftsDocumentedExample() throws Exception {
        AdvancedProxySettings s = AdvancedProxyJson.parse(fixture("netsh-show-advproxy.documented-edited.txt")).orElseThrow();
        assertEquals(Optional.of(true), s.proxyEnabled());
        assertEquals("http=http-proxy.com:8080;https=https-proxy.com:8081;ftp=ftp-proxy.com:8082;socks=socks-proxy.com:8083", s.proxy());
        assertEquals("", s.bypass());
        assertEquals(Optional.of(false), s.autoConfigEnabled());
        assertTrue(s.autoDetect());
        assertEquals(Optional.of(true), s.perUserProxySettings());
        assertEquals("automatic detection, then proxy http=http-proxy.com:8080;https=https-proxy.com:8081;ftp=ftp-proxy.com:8082;"
                + "socks=socks-proxy.com:8083", s.describe());
    }

    @Test
    void skipsALocalisedHeadingAndReadsTabsAndEitherSpellingOfAutoconfigUrl() throws Exception {
        AdvancedProxySettings s = AdvancedProxyJson.parse(fixture("netsh-show-advproxy.machine-pac.de-DE-edited.txt")).orElseThrow();
        assertEquals("http://wpad.corp.example/proxy.pac?user=a%40b", s.autoConfigUrl());
        assertEquals(Optional.of(false), s.perUserProxySettings());
        assertEquals(Optional.of(false), s.proxyEnabled());
        assertTrue(s.describe().startsWith("setup script http://wpad.corp.example/proxy.pac"), s.describe());
    }

    @Test
    void keysNetshLeftOutAreUnknownNotFalse() throws Exception {
        AdvancedProxySettings s = AdvancedProxyJson.parse(fixture("netsh-show-advproxy.two-keys-edited.txt")).orElseThrow();
        assertEquals(Optional.empty(), s.proxyEnabled());
        assertEquals(Optional.empty(), s.perUserProxySettings());
        assertEquals("proxy proxy.corp.example:8080 (bypass <local>;*.corp.example)", s.describe());
        assertTrue(s.setsAnything());
    }

    @Test
    void anOlderNetshHasNoSuchStore() throws Exception {
        assertEquals(Optional.empty(), AdvancedProxyJson.parse(fixture("netsh-show-advproxy.older-windows-edited.txt")));
        assertEquals(Optional.empty(), AdvancedProxyJson.parse(""));
    }

    @Test
    void anEmptyStoreSetsNothing() throws Exception {
        AdvancedProxySettings s = AdvancedProxyJson.parse("{\"Proxy\":\"\",\"ProxyBypass\":\"\",\"AutoconfigUrl\":\"\",\"AutoDetect\":false}")
                .orElseThrow();
        assertFalse(s.setsAnything());
        assertEquals("nothing set (direct)", s.describe());
        assertFalse(AdvancedProxyJson.parse("{\"ProxyIsEnabled\":false,\"Proxy\":\"p.example:80\"}").orElseThrow().setsAnything(),
                "a proxy switched off is not in force");
    }

    @Test
    void hostileOutputGivesAClearErrorNotAStackTrace() {
        assertEquals("advproxy `autodetect` must be true or false, found \"yes\"",
                assertThrows(JsonFormatException.class, () -> AdvancedProxyJson.parse("{\"AutoDetect\":\"yes\"}")).getMessage());
        assertEquals("advproxy `proxy` must be text, found object",
                assertThrows(JsonFormatException.class, () -> AdvancedProxyJson.parse("{\"Proxy\":{\"a\":1}}")).getMessage());
        assertTrue(assertThrows(JsonFormatException.class, () -> AdvancedProxyJson.parse("{\"Proxy\": \"a\n}"))
                .getMessage().startsWith("not valid JSON"));
        String deep = "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertTrue(assertThrows(JsonFormatException.class, () -> AdvancedProxyJson.parse(deep)).getMessage().startsWith("not valid JSON"));
        String huge = "{\"Proxy\":\"" + "a".repeat(100_000) + "\"}";
        assertEquals("netsh's advproxy output is 100012 characters; at most 65536 are read",
                assertThrows(JsonFormatException.class, () -> AdvancedProxyJson.parse(huge)).getMessage());
        assertEquals(Optional.empty(), assertDoesNotThrowParse("} {"), "braces the wrong way round hold no object");
    }

    private static Optional<AdvancedProxySettings> assertDoesNotThrowParse(String text) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> AdvancedProxyJson.parse(text));
    }

    @Test
    void aPasswordInTheSetupScriptUrlIsHiddenWhenDescribed() throws Exception {
        AdvancedProxySettings s = AdvancedProxyJson.parse("{\"AutoconfigUrl\":\"http://user:p%40ss@wpad.example/p.pac\"}").orElseThrow();
        assertFalse(s.describe().contains("p%40ss"), s.describe());
    }
}
