package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The Windows Update service through the Service Control Manager. */
@EnabledOnOs(OS.WINDOWS)
class ScmUpdateServiceIT {
    private final ScmUpdateService service = new ScmUpdateService(Duration.ofSeconds(60));

    @Test
    void restartsARunningServiceAndLeavesItRunning() throws Exception {
        assumeTrue(Boolean.getBoolean("wuproxy.it.mutate"), "restarts wuauserv: CI's Windows runner only");
        if (!service.isRunning()) {
            return; // a stopped service reads the proxy when it starts; nothing to restart
        }
        service.restart();
        assertTrue(service.isRunning());
    }

    @Test
    void answersWhetherItRuns() throws Exception {
        service.isRunning();
    }
}
