package io.github.wuproxy.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.json.UserProxyJson;
import io.github.wuproxy.port.PacException;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.sim.PacAnswer;
import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.sim.TimelineException;
import io.github.wuproxy.format.WinHttpSettings;
import io.github.wuproxy.format.WinHttpSettingsFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every input wuproxy reads from a file, the network, the registry or a caller (never null: they are
 * file contents, JSON or registry bytes): only its typed, explained errors may come out; anything else (an unchecked exception, a hang) is a finding.
 * `mvn verify` replays the corpus in src/test/resources/io/github/wuproxy/fuzz/FuzzTargetsInputs/;
 * `mvn -Pfuzz verify` fuzzes each target for a while (see README).
 */
class FuzzTargets {
    private static final Path PROFILES = temporaryFolder();

    private static Path temporaryFolder() {
        try {
            Path dir = Files.createTempDirectory("wuproxy-fuzz-profiles");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void timeline(@NotNull String text) {
        try {
            Timeline.parse("fuzz.jsonl", text);
        } catch (TimelineException expected) {
            // a clear "file:line: what" message
        }
    }

    @FuzzTest
    void networkSnapshot(@NotNull String text) {
        try {
            LocationJson.read(Json.parse(text));
        } catch (JsonFormatException expected) {
            // explained
        }
    }

    @FuzzTest
    void userProxyHandedOver(@NotNull String text) {
        try {
            UserProxyJson.read(Json.parse(text));
        } catch (JsonFormatException expected) {
            // explained
        }
    }

    @FuzzTest
    void winHttpSettingsBytes(@NotNull byte[] blob) {
        try {
            WinHttpSettings decoded = WinHttpSettings.decode(blob);
            decoded.toUpdateProxy();
        } catch (WinHttpSettingsFormatException | InvalidProxyException expected) {
            // a value wuproxy does not understand, said so
        }
    }

    /** A proxy and bypass list that pass the grammar are normalised once and for all. */
    @FuzzTest
    void proxyAndBypass(FuzzedDataProvider data) {
        String server = data.consumeString(300);
        String bypass = data.consumeRemainingAsString();
        try {
            UpdateProxy.Fixed proxy = UpdateProxy.fixed(server, bypass);
            assertEquals(proxy, UpdateProxy.fixed(proxy.server(), proxy.bypass()), "normalising twice changes nothing");
            assertEquals(proxy, WinHttpSettings.decode(WinHttpSettings.encode(proxy)).toUpdateProxy(), "survives the registry bytes");
        } catch (InvalidProxyException expected) {
            // explained
        } catch (WinHttpSettingsFormatException e) {
            throw new AssertionError("wuproxy cannot read back its own encoding", e);
        }
    }

    @FuzzTest
    void pacAnswer(@NotNull String answer) {
        try {
            PacAnswer.parse(answer);
        } catch (PacException expected) {
            // explained
        }
    }

    @FuzzTest
    void errorCode(@NotNull String text) {
        try {
            UpdateErrors.find(UpdateErrors.parse(text));
        } catch (IllegalArgumentException expected) {
            // "… is not an error code; write it like 0x80072EFD …"
        }
    }

    @FuzzTest
    void profileFile(@NotNull String text) throws IOException {
        Files.writeString(PROFILES.resolve("fuzzed.conf"), text);
        try {
            HoconProfileCatalog.of(PROFILES, "fuzzed").load();
        } catch (ProfileException expected) {
            // every problem with file and line
        }
    }

    /** Redaction never fails, is stable, and hides any password that holds no white space, quote or control character. */
    @FuzzTest
    void redaction(@NotNull String text) {
        String once = io.github.wuproxy.core.proxy.Secrets.redact(text);
        assertEquals(once, io.github.wuproxy.core.proxy.Secrets.redact(once), "redacting twice changes nothing");
        if (text.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || "\"'<>`".indexOf(c) >= 0)) {
            for (String form : new String[] {"proxy http://alice:%s@proxy.example:8080/x", "http=alice:%s@proxy.example:80", "alice:%s@10.0.0.1:3128"}) {
                String shown = io.github.wuproxy.core.proxy.Secrets.redact(form.formatted(text));
                if (shown.contains("alice")) {
                    throw new AssertionError("a password leaked: " + shown);
                }
            }
        }
    }
}
