package io.github.wuproxy.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void removesCredentialsAndQueryStringsFromUrlsInAnyText() {
        assertEquals("HTTPS_PROXY=http://***@proxy.corp.example:8080",
                Secrets.redact("HTTPS_PROXY=http://alice:s3cret@proxy.corp.example:8080"));
        assertEquals("script http://wpad.corp.example/proxy.pac?... failed",
                Secrets.redact("script http://wpad.corp.example/proxy.pac?token=abc&user=bob failed"));
        assertEquals("proxy ***@proxy.corp.example:8080", Secrets.redact("proxy alice:s3cret@proxy.corp.example:8080"));
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "2026-11-23 WUP201 write failed: proxy.corp.example:8080 (bypass <local>), mail admin@corp.example";
        assertEquals(text, Secrets.redact(text));
    }
}
