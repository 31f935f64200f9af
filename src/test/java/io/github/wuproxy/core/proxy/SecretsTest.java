package io.github.wuproxy.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    private static final java.util.List<String> PASSWORDS = io.github.wuproxy.testing.HostileStrings.PASSWORDS;

    @Test
    void removesCredentialsAndQueryStringsFromUrlsInAnyText() {
        assertEquals("HTTPS_PROXY=http://***@proxy.corp.example:8080",
                Secrets.redact("HTTPS_PROXY=http://alice:s3cret@proxy.corp.example:8080"));
        assertEquals("script http://wpad.corp.example/proxy.pac?... failed",
                Secrets.redact("script http://wpad.corp.example/proxy.pac?token=abc&user=bob failed"));
        assertEquals("proxy ***@proxy.corp.example:8080", Secrets.redact("proxy alice:s3cret@proxy.corp.example:8080"));
        assertEquals("http=***@proxy:80", Secrets.redact("http=alice:s3cret@proxy:80"));
        assertEquals("url http%3A%2F%2F***%40proxy%2Fx", Secrets.redact("url http%3A%2F%2Falice%3Ap%40ss%40proxy%2Fx"));
        assertEquals("http=***@proxy.example:80", Secrets.redact("http=alice:http%3a%2f%2fx@proxy.example:80"), "found by fuzzing");
        assertEquals("url http%3A%2F%2F***%40proxy%2FTx", Secrets.redact("url http%3A%2F%2Falice%=Ap%40ss%40proxy%2FTx"), "found by fuzzing");
        assertEquals("http://***@proxy/x.pac?...", Secrets.redact("http://alice:pw@proxy/x.pac?tok@@"), "found by fuzzing: an @ at the end");
        assertEquals("http=***@proxy.example:80", Secrets.redact("http=alice://@proxy.example:80"), "found by fuzzing: the password //");
        assertEquals("http=***@proxy.example:80", Secrets.redact("http=alice:///@proxy.example:80"), "found by fuzzing: the password ///");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://alice:%s@proxy.corp.example:8080/x.pac", "https://alice:%s@[fd00::1]:8443",
        "alice:%s@proxy.corp.example:8080", "HTTP_PROXY=alice:%s@proxy:80", "http=alice:%s@proxy:80;https=proxy:443",
        "{\"server\":\"http://alice:%s@proxy:3128\"}", "socks=corp\\alice:%s@10.0.0.1:1080"})
    void noPasswordSurvivesInAnyForm(String form) {
        for (String password : PASSWORDS) {
            String text = "before " + form.formatted(password) + " after";
            String redacted = Secrets.redact(text);
            assertFalse(redacted.contains(password), redacted);
            assertFalse(redacted.contains("alice"), redacted);
            assertTrue(redacted.startsWith("before ") && redacted.endsWith(" after") && redacted.contains("***@"), redacted);
        }
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "2026-11-23 WUP201 write failed: proxy.corp.example:8080 (bypass <local>), mail admin@corp.example, http://[fd00::1]:80/x";
        assertEquals(text, Secrets.redact(text));
    }

    @Test
    void masksUserInfoInsideAStoredBlobAndKeepsItsLength() {
        for (String password : PASSWORDS) {
            byte[] blob = ("\u0018\u0000\u0000\u0000\u0003\u0000\u0000\u0000\u001c\u0000\u0000\u0000http://alice:" + password
                    + "@proxy:8080\u0000\u0000").getBytes(StandardCharsets.ISO_8859_1);
            String masked = new String(HexFormat.of().parseHex(Secrets.redactHex(HexFormat.of().formatHex(blob))), StandardCharsets.ISO_8859_1);
            assertEquals(blob.length, masked.length());
            assertFalse(masked.contains(password) || masked.contains("alice"), masked);
            assertTrue(masked.contains("@proxy:8080"), masked);
            String wide = "http://alice:" + password + "@proxy:8080";
            String maskedWide = new String(HexFormat.of().parseHex(Secrets.redactHex(HexFormat.of().formatHex(
                    ("\u0001\u0000" + wide).getBytes(StandardCharsets.UTF_16LE)))), StandardCharsets.UTF_16LE);
            assertFalse(maskedWide.contains(password) || maskedWide.contains("alice"), maskedWide);
        }
        assertEquals("0102", Secrets.redactHex("0102"));
    }
}
