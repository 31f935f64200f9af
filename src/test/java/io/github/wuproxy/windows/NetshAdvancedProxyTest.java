package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** netsh is started by absolute path with one of two fixed argument lists: nothing from a user or a network reaches it. */
class NetshAdvancedProxyTest {
    @Test
    void startsNetshFromSystem32WithAFixedCommand() {
        Path netsh = Path.of("C:\\Windows\\System32").resolve("netsh.exe");
        assertEquals(List.of(netsh.toString(), "winhttp", "show", "advproxy", "setting-scope=machine"),
                NetshAdvancedProxy.command(netsh, NetshAdvancedProxy.Scope.MACHINE));
        assertEquals(List.of(netsh.toString(), "winhttp", "show", "advproxy", "setting-scope=user"),
                NetshAdvancedProxy.command(netsh, NetshAdvancedProxy.Scope.USER));
        assertEquals(List.of(netsh.toString(), "winhttp", "show", "advproxy"), NetshAdvancedProxy.command(netsh, NetshAdvancedProxy.Scope.IN_FORCE),
                "the documented form, for a netsh that takes no scope");
    }
}
