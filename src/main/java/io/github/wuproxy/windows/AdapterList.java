package io.github.wuproxy.windows;

import com.sun.jna.Pointer;
import io.github.wuproxy.core.location.Gateway;
import io.github.wuproxy.core.location.HostAddress;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.windows.win32.IpHlpApiTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the linked list GetAdaptersAddresses wrote into a buffer. Pure reading of memory, so it is
 * tested on any OS against lists built the way Windows lays them out.
 */
final class AdapterList {
    /** One adapter as the rules need it, before MACs and SSIDs are added. */
    record Adapter(String guid, NetworkLink link) {}

    private AdapterList() {}

    /** Keeps the buffer reachable until the walk is done: the Next pointers point into it, and a GC would free it. */
    static List<Adapter> read(com.sun.jna.Memory buffer) {
        try {
            return read((Pointer) buffer);
        } finally {
            java.lang.ref.Reference.reachabilityFence(buffer);
        }
    }

    static List<Adapter> read(Pointer first) {
        List<Adapter> adapters = new ArrayList<>();
        for (Pointer p = first; p != null; ) {
            var a = new IpHlpApiTypes.IP_ADAPTER_ADDRESSES_LH(p);
            kind(a.IfType, a.TunnelType, a.ConnectionType).ifPresent(kind -> {
                if (a.OperStatus == IpHlpApiTypes.IF_OPER_STATUS_UP) {
                    List<HostAddress> addresses = new ArrayList<>();
                    for (Pointer u = a.FirstUnicastAddress; u != null; ) {
                        var unicast = new IpHlpApiTypes.IP_ADAPTER_UNICAST_ADDRESS_LH(u);
                        address(unicast.Address).ifPresent(ip -> addresses.add(new HostAddress(ip, unicast.OnLinkPrefixLength & 0xff)));
                        u = unicast.Next;
                    }
                    List<Gateway> gateways = new ArrayList<>();
                    addresses(a.FirstGatewayAddress).forEach(ip -> gateways.add(new Gateway(ip, Optional.empty())));
                    String name = utf16(a.FriendlyName);
                    adapters.add(new Adapter(ascii(a.AdapterName), new NetworkLink(name.isEmpty() ? "adapter " + a.IfIndex : name,
                            kind, utf16(a.DnsSuffix), addresses, gateways, addresses(a.FirstDnsServerAddress), Optional.empty())));
                }
            });
            p = a.Next;
        }
        return adapters;
    }

    /** What kind of link an interface is; empty for loopback, which no rule is about. */
    static Optional<LinkKind> kind(int ifType, int tunnelType, int connectionType) {
        if (ifType == IpHlpApiTypes.IF_TYPE_SOFTWARE_LOOPBACK) {
            return Optional.empty();
        }
        if (ifType == IpHlpApiTypes.IF_TYPE_TUNNEL || ifType == IpHlpApiTypes.IF_TYPE_PPP || tunnelType != 0
                || connectionType == IpHlpApiTypes.NET_IF_CONNECTION_DEMAND) {
            return Optional.of(LinkKind.VPN);
        }
        return Optional.of(switch (ifType) {
            case IpHlpApiTypes.IF_TYPE_ETHERNET_CSMACD -> LinkKind.ETHERNET;
            case IpHlpApiTypes.IF_TYPE_IEEE80211 -> LinkKind.WIFI;
            case IpHlpApiTypes.IF_TYPE_WWANPP, IpHlpApiTypes.IF_TYPE_WWANPP2 -> LinkKind.CELLULAR;
            default -> LinkKind.OTHER;
        });
    }

    /** Gateway and DNS server lists share one node shape. */
    private static List<IpAddress> addresses(Pointer first) {
        List<IpAddress> result = new ArrayList<>();
        for (Pointer p = first; p != null; ) {
            var node = new IpHlpApiTypes.IP_ADAPTER_GATEWAY_ADDRESS_LH(p);
            address(node.Address).ifPresent(result::add);
            p = node.Next;
        }
        return result;
    }

    static Optional<IpAddress> address(IpHlpApiTypes.SOCKET_ADDRESS socket) {
        Pointer sockaddr = socket.lpSockaddr;
        if (sockaddr == null) {
            return Optional.empty();
        }
        int family = sockaddr.getShort(0) & 0xffff;
        if (family == IpHlpApiTypes.AF_INET) {
            return Optional.of(new IpAddress(sockaddr.getByteArray(IpHlpApiTypes.SOCKADDR_IN_ADDR_OFFSET, 4)));
        }
        if (family == IpHlpApiTypes.AF_INET6) {
            return Optional.of(new IpAddress(sockaddr.getByteArray(IpHlpApiTypes.SOCKADDR_IN6_ADDR_OFFSET, 16)));
        }
        return Optional.empty();
    }

    /** A NUL-terminated UTF-16LE string, read byte by byte so wchar_t's size on this JVM does not matter. */
    static String utf16(Pointer text) {
        if (text == null) {
            return "";
        }
        int length = 0;
        while (text.getShort(length) != 0 && length < 4096) {
            length += 2;
        }
        return new String(text.getByteArray(0, length), StandardCharsets.UTF_16LE);
    }

    private static String ascii(Pointer text) {
        return text == null ? "" : text.getString(0, StandardCharsets.US_ASCII.name()).toUpperCase(Locale.ROOT);
    }

    /** Adds gateway MACs and SSIDs found by other calls. */
    static NetworkLink complete(Adapter adapter, Map<IpAddress, String> gatewayMacs, Map<String, String> ssidByGuid) {
        NetworkLink link = adapter.link();
        List<Gateway> gateways = link.gateways().stream()
                .map(g -> new Gateway(g.ip(), Optional.ofNullable(gatewayMacs.get(g.ip()))))
                .toList();
        return new NetworkLink(link.name(), link.kind(), link.dnsSuffix(), link.addresses(), gateways, link.dnsServers(),
                Optional.ofNullable(ssidByGuid.get(adapter.guid())));
    }
}
