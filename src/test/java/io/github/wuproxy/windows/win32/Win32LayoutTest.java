package io.github.wuproxy.windows.win32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import io.github.wuproxy.testing.WineOracle;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every structure wuproxy maps has the size and offsets mingw-w64's Windows headers give for x64. */
@Tag("interop")
class Win32LayoutTest {
    private static final Map<String, Integer> HEADERS = new HashMap<>();

    @BeforeAll
    static void readTheHeadersLayouts() throws Exception {
        var result = WineOracle.require().layouts();
        assertEquals(0, result.exit(), result.output());
        for (String line : result.output().split("\n")) {
            String[] parts = line.trim().split(" ");
            HEADERS.put(parts[0], Integer.parseInt(parts[2]));
        }
    }

    static int offset(Structure structure, String field) throws ReflectiveOperationException {
        Method method = Structure.class.getDeclaredMethod("fieldOffset", String.class);
        method.setAccessible(true);
        return (int) method.invoke(structure, field);
    }

    private static void matches(Structure structure) throws ReflectiveOperationException {
        assertEquals(8, Native.POINTER_SIZE, "the layouts are for 64-bit Windows");
        String name = structure.getClass().getSimpleName();
        assertTrue(HEADERS.containsKey(name), name + " is missing from src/test/c/layouts.c");
        assertEquals(HEADERS.get(name), Integer.valueOf(structure.size()), name + " size");
        int fields = 0;
        for (String field : structure.getClass().getAnnotation(Structure.FieldOrder.class).value()) {
            Integer expected = HEADERS.get(name + "." + field);
            assertEquals(expected, Integer.valueOf(offset(structure, field)), name + "." + field);
            fields++;
        }
        assertTrue(fields > 0);
    }

    @Test
    void proxyInfoMatchesTheHeaders() throws Exception {
        matches(new WinHttpTypes.WINHTTP_PROXY_INFO());
    }

    @Test
    void currentUserIeProxyConfigMatchesTheHeaders() throws Exception {
        matches(new WinHttpTypes.WINHTTP_CURRENT_USER_IE_PROXY_CONFIG());
    }

    @Test
    void autoproxyOptionsMatchTheHeaders() throws Exception {
        matches(new WinHttpTypes.WINHTTP_AUTOPROXY_OPTIONS());
    }

    @Test
    void serviceStructuresMatchTheHeaders() throws Exception {
        matches(new Advapi32Services.QUERY_SERVICE_CONFIG());
        matches(new com.sun.jna.platform.win32.Winsvc.SERVICE_STATUS());
        matches(new com.sun.jna.platform.win32.Winsvc.SERVICE_FAILURE_ACTIONS_FLAG());
    }

    @Test
    void adapterAddressesMatchTheHeaders() throws Exception {
        matches(new IpHlpApiTypes.SOCKET_ADDRESS());
        matches(new IpHlpApiTypes.IP_ADAPTER_ADDRESSES_LH());
        matches(new IpHlpApiTypes.IP_ADAPTER_UNICAST_ADDRESS_LH());
        matches(new IpHlpApiTypes.IP_ADAPTER_GATEWAY_ADDRESS_LH());
    }

    @Test
    void theDnsServerListSharesTheGatewayShapeAndSockaddrsTheirOffsets() {
        var gateway = new IpHlpApiTypes.IP_ADAPTER_GATEWAY_ADDRESS_LH();
        assertEquals(HEADERS.get("IP_ADAPTER_DNS_SERVER_ADDRESS_XP"), Integer.valueOf(gateway.size()));
        assertEquals(HEADERS.get("IP_ADAPTER_DNS_SERVER_ADDRESS_XP.Address"), HEADERS.get("IP_ADAPTER_GATEWAY_ADDRESS_LH.Address"));
        assertEquals(HEADERS.get("SOCKADDR_IN.sin_addr"), Integer.valueOf(IpHlpApiTypes.SOCKADDR_IN_ADDR_OFFSET));
        assertEquals(HEADERS.get("SOCKADDR_IN6.sin6_addr"), Integer.valueOf(IpHlpApiTypes.SOCKADDR_IN6_ADDR_OFFSET));
    }

    @Test
    void perConnectionOptionsMatchTheHeaders() throws Exception {
        matches(new WinInetTypes.INTERNET_PER_CONN_OPTIONW());
        matches(new WinInetTypes.INTERNET_PER_CONN_OPTION_LISTW());
    }

    @Test
    void winInetConstantsAreTheHeaders() throws Exception {
        int checked = 0;
        for (var field : WinInetTypes.class.getDeclaredFields()) {
            Integer expected = HEADERS.get(field.getName());
            assertTrue(expected != null, field.getName() + " is missing from src/test/c/layouts-wininet.c");
            assertEquals(expected, Integer.valueOf(field.getInt(null)), field.getName());
            checked++;
        }
        assertEquals(11, checked);
    }

    @Test
    void everyMappedStructureIsChecked() {
        for (Class<?> types : java.util.List.of(WinHttpTypes.class, IpHlpApiTypes.class, WinInetTypes.class)) {
            for (Class<?> nested : types.getDeclaredClasses()) {
                if (Structure.class.isAssignableFrom(nested)) {
                    assertTrue(HEADERS.containsKey(nested.getSimpleName()), nested.getSimpleName() + " is missing from src/test/c/layouts.c");
                }
            }
        }
    }
}
