package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ProxySettingsPerUser: only an explicit 0 makes the WinINet settings the machine's. */
class WinInetProxyPolicyTest {
    @Test
    void onlyZeroIsPerMachine() {
        assertTrue(WinInetProxyPolicy.perMachine(Optional.of(0)));
        assertFalse(WinInetProxyPolicy.perMachine(Optional.of(1)));
        assertFalse(WinInetProxyPolicy.perMachine(Optional.empty()));
    }
}
