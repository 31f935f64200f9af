package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The runner's own WinINet settings are readable and usable. */
@EnabledOnOs(OS.WINDOWS)
class WinHttpUserProxySourceIT {
    @Test
    void readsTheCurrentUsersSettings() {
        assertTrue(WinHttpUserProxySource.open().current().isPresent());
    }
}
