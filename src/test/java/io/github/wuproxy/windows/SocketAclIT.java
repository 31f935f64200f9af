package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** On Windows: the socket file's own, protected ACL lets interactive users connect (write) and nothing more. */
@EnabledOnOs(OS.WINDOWS)
class SocketAclIT {
    @TempDir
    Path dir;

    @Test
    void interactiveUsersMayConnectAndOnlySystemAndAdministratorsControlTheSocket() throws Exception {
        Path socket = dir.resolve("agent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            SocketAcl.openToInteractiveUsers(socket);
            Map<String, Integer> masks = new HashMap<>();
            for (WinNT.ACE_HEADER header : Advapi32Util.getFileSecurity(socket.toString(), false)) {
                if (header instanceof WinNT.ACCESS_ACEStructure ace) {
                    assertEquals(WinNT.ACCESS_ALLOWED_ACE_TYPE, ace.AceType);
                    masks.merge(ace.getSidString(), ace.Mask, (a, b) -> a | b);
                }
            }
            assertEquals(java.util.Set.of(WindowsAccounts.SYSTEM, WindowsAccounts.ADMINISTRATORS, WindowsAccounts.INTERACTIVE), masks.keySet(),
                    "nothing inherited from the folder: " + masks);
            int interactive = masks.get(WindowsAccounts.INTERACTIVE);
            assertTrue((interactive & WinNT.FILE_WRITE_DATA) != 0, "connecting needs write");
            assertEquals(0, interactive & (WinNT.WRITE_DAC | WinNT.WRITE_OWNER | WinNT.DELETE), "users may not take it over");
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                assertTrue(client.isConnected());
            }
        } finally {
            Files.deleteIfExists(socket);
        }
    }
}
