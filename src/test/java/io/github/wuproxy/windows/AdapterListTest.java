package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.wuproxy.core.location.Gateway;
import io.github.wuproxy.core.location.HostAddress;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.windows.win32.IpHlpApiTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** GetAdaptersAddresses' list, laid out in memory as Windows x64 does (sizes proved by Win32LayoutTest), read back. */
@EnabledIf("is64Bit")
class AdapterListTest {
    private final List<Memory> keep = new ArrayList<>();

    static boolean is64Bit() {
        return Native.POINTER_SIZE == 8;
    }

    private Memory utf16(String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.UTF_16LE);
        Memory m = new Memory(bytes.length);
        m.write(0, bytes, 0, bytes.length);
        keep.add(m);
        return m;
    }

    private Memory ascii(String text) {
        Memory m = new Memory(text.length() + 1);
        m.setString(0, text, "US-ASCII");
        keep.add(m);
        return m;
    }

    private Memory sockaddr(String address) {
        IpAddress ip = IpAddress.parse(address);
        Memory m = new Memory(28);
        m.clear();
        m.setShort(0, (short) (ip.isV4() ? IpHlpApiTypes.AF_INET : IpHlpApiTypes.AF_INET6));
        m.write(ip.isV4() ? IpHlpApiTypes.SOCKADDR_IN_ADDR_OFFSET : IpHlpApiTypes.SOCKADDR_IN6_ADDR_OFFSET, ip.bytes(), 0, ip.bytes().length);
        keep.add(m);
        return m;
    }

    private Pointer unicast(String address, int prefix, Pointer next) {
        var u = new IpHlpApiTypes.IP_ADAPTER_UNICAST_ADDRESS_LH();
        u.Length = u.size();
        u.Next = next;
        u.Address = new IpHlpApiTypes.SOCKET_ADDRESS();
        u.Address.lpSockaddr = sockaddr(address);
        u.Address.iSockaddrLength = 16;
        u.OnLinkPrefixLength = (byte) prefix;
        u.write();
        return u.getPointer();
    }

    private Pointer node(String address, Pointer next) {
        var g = new IpHlpApiTypes.IP_ADAPTER_GATEWAY_ADDRESS_LH();
        g.Length = g.size();
        g.Next = next;
        g.Address = new IpHlpApiTypes.SOCKET_ADDRESS();
        g.Address.lpSockaddr = sockaddr(address);
        g.write();
        return g.getPointer();
    }

    private Pointer adapter(String guid, String name, int ifType, int operStatus, String suffix, Pointer unicast, Pointer gateways,
            Pointer dns, Pointer next) {
        var a = new IpHlpApiTypes.IP_ADAPTER_ADDRESSES_LH();
        a.Length = a.size();
        a.IfIndex = 7;
        a.Next = next;
        a.AdapterName = ascii(guid);
        a.FriendlyName = utf16(name);
        a.DnsSuffix = utf16(suffix);
        a.IfType = ifType;
        a.OperStatus = operStatus;
        a.FirstUnicastAddress = unicast;
        a.FirstGatewayAddress = gateways;
        a.FirstDnsServerAddress = dns;
        a.write();
        return a.getPointer();
    }

    @Test
    void readsUpAdaptersWithAddressesGatewaysAndDnsAndSkipsTheRest() {
        Pointer loopback = adapter("{LOOP}", "Loopback Pseudo-Interface 1", IpHlpApiTypes.IF_TYPE_SOFTWARE_LOOPBACK, 1, "",
                unicast("127.0.0.1", 8, null), null, null, null);
        Pointer down = adapter("{DOWN}", "Ethernet 2", IpHlpApiTypes.IF_TYPE_ETHERNET_CSMACD, 2, "", null, null, null, loopback);
        Pointer wifi = adapter("{5B2B0B0A-0001-4C5E-9C1E-7D3A2B1C0D0E}", "Wi-Fi", IpHlpApiTypes.IF_TYPE_IEEE80211, 1, "corp.example.com",
                unicast("10.20.30.40", 16, unicast("fe80::1c2d:3e4f:5a6b:7c8d", 64, null)),
                node("10.20.0.1", null), node("10.20.0.53", node("fd00::53", null)), down);

        var adapters = AdapterList.read(wifi);
        assertEquals(1, adapters.size());
        NetworkLink link = adapters.get(0).link();
        assertEquals(new NetworkLink("Wi-Fi", LinkKind.WIFI, "corp.example.com",
                List.of(HostAddress.parse("10.20.30.40/16"), HostAddress.parse("fe80::1c2d:3e4f:5a6b:7c8d/64")),
                List.of(Gateway.of("10.20.0.1", null)), List.of(IpAddress.parse("10.20.0.53"), IpAddress.parse("fd00::53")), Optional.empty()),
                link);

        NetworkLink completed = AdapterList.complete(adapters.get(0), Map.of(IpAddress.parse("10.20.0.1"), "00-11-22-33-44-55"),
                Map.of("{5B2B0B0A-0001-4C5E-9C1E-7D3A2B1C0D0E}", "CorpWifi"));
        assertEquals(Optional.of("00-11-22-33-44-55"), completed.gateways().get(0).mac());
        assertEquals(Optional.of("CorpWifi"), completed.ssid());
    }

    @Test
    void kindsFollowIfTypeTunnelAndConnectionType() {
        assertEquals(Optional.of(LinkKind.ETHERNET), AdapterList.kind(6, 0, 1));
        assertEquals(Optional.of(LinkKind.WIFI), AdapterList.kind(71, 0, 1));
        assertEquals(Optional.of(LinkKind.CELLULAR), AdapterList.kind(243, 0, 1));
        assertEquals(Optional.of(LinkKind.VPN), AdapterList.kind(131, 0, 1));
        assertEquals(Optional.of(LinkKind.VPN), AdapterList.kind(53, 0, IpHlpApiTypes.NET_IF_CONNECTION_DEMAND));
        assertEquals(Optional.of(LinkKind.VPN), AdapterList.kind(6, 14, 1), "a tunnel over an Ethernet-looking adapter");
        assertEquals(Optional.empty(), AdapterList.kind(24, 0, 1));
    }

    @Test
    void theStrongestConnectedNetworkDecidesTheCategory() {
        var home = new NetworkListCategory.Network("Fritz Home", NetworkCategory.PRIVATE);
        var corp = new NetworkListCategory.Network("corp.example.com", NetworkCategory.DOMAIN_AUTHENTICATED);
        assertEquals(corp, NetworkListCategory.strongest(List.of(home, corp)));
        assertEquals(NetworkCategory.UNKNOWN, NetworkListCategory.strongest(List.of()).category());
        assertEquals(NetworkCategory.DOMAIN_AUTHENTICATED, NetworkListCategory.category(2));
        assertEquals("Café", WlanSsids.ssid("Café".getBytes(StandardCharsets.UTF_8), 5));
    }
}
