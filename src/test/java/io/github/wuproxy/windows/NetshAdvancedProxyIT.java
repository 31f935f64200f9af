package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import io.github.wuproxy.json.AdvancedProxyJson;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The real netsh: on Windows 11 and Server 2022+ both scopes parse; older Windows has no such command. */
@EnabledOnOs(OS.WINDOWS)
class NetshAdvancedProxyIT {
    @Test
    void bothScopesParseOrTheStoreIsAbsent() throws Exception {
        var netsh = new NetshAdvancedProxy(Path.of(Shell32Util.getKnownFolderPath(KnownFolders.FOLDERID_System)));
        for (NetshAdvancedProxy.Scope scope : NetshAdvancedProxy.Scope.values()) {
            Optional<String> shown = netsh.show(scope);
            if (shown.isPresent()) {
                assertTrue(AdvancedProxyJson.parse(shown.get()).isPresent(), scope + ": " + shown.get());
            }
        }
    }
}
