package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The WindowsUpdateClient channel can be queried and watched; a fresh runner may have no scans yet. */
@EnabledOnOs(OS.WINDOWS)
class UpdateClientEventSourceIT {
    @Test
    void queriesAndSubscribesToTheChannel() throws Exception {
        var source = UpdateClientEventSource.open();
        var recent = source.recent(5);
        assertTrue(recent.size() <= 5);
        for (int i = 1; i < recent.size(); i++) {
            assertTrue(!recent.get(i).at().isAfter(recent.get(i - 1).at()), "newest first: " + recent);
        }
        recent.forEach(scan -> assertTrue(scan.at().isBefore(java.time.Instant.now().plusSeconds(60)), "a real time: " + scan));
        source.watch(scan -> {});
        // Records for INDEX.md what the runner's log holds.
        System.out.println("recent Windows Update scans: " + recent);
    }
}
