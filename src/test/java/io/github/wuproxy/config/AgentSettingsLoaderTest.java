package io.github.wuproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSettingsLoaderTest {
    @Test
    void theShippedAgentConfLoadsAndMatchesTheDefaults() throws Exception {
        AgentSettings shipped = AgentSettingsLoader.load(Path.of("agent", "agent.conf"));
        assertEquals(AgentSettings.defaults(), shipped);
        assertEquals(Duration.ofSeconds(2), shipped.settleDelay());
        assertEquals(Duration.ofMinutes(15), shipped.driftCheckInterval());
        assertEquals(Duration.ofMillis(1500), shipped.probeTimeout());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)), shipped.retryDelays());
        assertEquals("mobile", shipped.fallbackProfile());
        assertEquals(Duration.ofMinutes(2), shipped.preScanLead());
        assertEquals(Duration.ofMinutes(2), shipped.engine().preScanLead());
    }

    @Test
    void readsThePreScanLeadAndSaysWhereItIsWrong(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path good = java.nio.file.Files.writeString(dir.resolve("good.conf"), "pre-scan-lead = 5m\n");
        assertEquals(Duration.ofMinutes(5), AgentSettingsLoader.load(good).engine().preScanLead());
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.conf"), "# lead\nsettle-delay = 2s\npre-scan-lead = 2h\n");
        var tooLong = assertThrows(ProfileException.class, () -> AgentSettingsLoader.load(bad));
        assertEquals(List.of(bad + ":3: `pre-scan-lead` must be from 10s to 60m, found 120m"),
                tooLong.problems().stream().map(Object::toString).toList());
        Path words = java.nio.file.Files.writeString(dir.resolve("words.conf"), "pre-scan-lead = soon\n");
        var notADuration = assertThrows(ProfileException.class, () -> AgentSettingsLoader.load(words));
        assertEquals(1, notADuration.problems().size());
        org.junit.jupiter.api.Assertions.assertTrue(notADuration.problems().get(0).toString()
                .startsWith(words + ":1: `pre-scan-lead` must be a duration like 2s, 500ms or 15m"), notADuration.problems().toString());
    }

    @Test
    void aMissingFileMeansDefaults() throws Exception {
        assertEquals(AgentSettings.defaults(), AgentSettingsLoader.load(Path.of("no-such-agent.conf")));
    }

    @Test
    void reportsEveryBadSettingWithItsLine() {
        Path file = Fixtures.resourceFolder("profiles/agent-conf").resolve("broken.conf");
        var e = assertThrows(ProfileException.class, () -> AgentSettingsLoader.load(file));
        assertEquals(List.of(
                        file + ":2: unknown setting `drift-check-intervall`; did you mean `drift-check-interval`?",
                        file + ":1: `settle-delay` must be from 0s to 1m, found 2m",
                        file + ":4: `probe-timeout` must be a duration like 2s, 500ms or 15m (Invalid value at 'probe-timeout': No number in duration value 'often')",
                        file + ":3: `foreign-write` must be reassert or yield, found \"fight\""),
                e.problems().stream().map(Object::toString).toList());
    }
}
