package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.port.ProbeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The runner's real network through IP Helper, the Network List Manager and WLAN. */
@EnabledOnOs(OS.WINDOWS)
class WindowsNetworkLocationSourceIT {
    @Test
    void readsTheRunnersNetworkAndRegistersForChanges() throws Exception {
        var source = WindowsNetworkLocationSource.open();
        NetworkLocation here = source.current(ProbeRequest.NONE);
        assertFalse(here.isOffline(), "a CI runner is online");
        assertFalse(here.links().get(0).addresses().isEmpty());
        System.out.println("recorded: " + io.github.wuproxy.json.LocationJson.write(here));
        source.start(() -> {});
        source.stop();
    }
}
