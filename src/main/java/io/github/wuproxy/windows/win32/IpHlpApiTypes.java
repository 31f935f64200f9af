package io.github.wuproxy.windows.win32;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.win32.Guid;

/**
 * Structures and constants from iptypes.h, ws2def.h and netioapi.h for GetAdaptersAddresses.
 * Loads no DLL; layouts are pinned against mingw-w64's headers by {@code IpHlpApiTypesLayoutTest}.
 * The whole list GetAdaptersAddresses fills lives in the caller's buffer; nothing is freed separately.
 */
public interface IpHlpApiTypes {
    int AF_UNSPEC = 0;
    int AF_INET = 2;
    int AF_INET6 = 23;
    int ERROR_BUFFER_OVERFLOW = 111;
    int ERROR_NO_DATA = 232;
    int GAA_FLAG_SKIP_ANYCAST = 0x2;
    int GAA_FLAG_SKIP_MULTICAST = 0x4;
    int GAA_FLAG_INCLUDE_GATEWAYS = 0x80;
    int IF_OPER_STATUS_UP = 1;
    int IF_TYPE_ETHERNET_CSMACD = 6;
    int IF_TYPE_PPP = 23;
    int IF_TYPE_SOFTWARE_LOOPBACK = 24;
    int IF_TYPE_IEEE80211 = 71;
    int IF_TYPE_TUNNEL = 131;
    int IF_TYPE_WWANPP = 243;
    int IF_TYPE_WWANPP2 = 244;
    int NET_IF_CONNECTION_DEMAND = 3;
    /** Where the address sits in a sockaddr_in / sockaddr_in6. */
    int SOCKADDR_IN_ADDR_OFFSET = 4;
    int SOCKADDR_IN6_ADDR_OFFSET = 8;

    /** SOCKET_ADDRESS: a pointer to a sockaddr of iSockaddrLength bytes. */
    @FieldOrder({"lpSockaddr", "iSockaddrLength"})
    class SOCKET_ADDRESS extends Structure {
        public Pointer lpSockaddr;
        public int iSockaddrLength;
    }

    /** IP_ADAPTER_ADDRESSES_LH (Microsoft Learn: iptypes/ns-iptypes-ip_adapter_addresses_lh). */
    @FieldOrder({"Length", "IfIndex", "Next", "AdapterName", "FirstUnicastAddress", "FirstAnycastAddress", "FirstMulticastAddress",
        "FirstDnsServerAddress", "DnsSuffix", "Description", "FriendlyName", "PhysicalAddress", "PhysicalAddressLength", "Flags",
        "Mtu", "IfType", "OperStatus", "Ipv6IfIndex", "ZoneIndices", "FirstPrefix", "TransmitLinkSpeed", "ReceiveLinkSpeed",
        "FirstWinsServerAddress", "FirstGatewayAddress", "Ipv4Metric", "Ipv6Metric", "Luid", "Dhcpv4Server", "CompartmentId",
        "NetworkGuid", "ConnectionType", "TunnelType", "Dhcpv6Server", "Dhcpv6ClientDuid", "Dhcpv6ClientDuidLength", "Dhcpv6Iaid",
        "FirstDnsSuffix"})
    class IP_ADAPTER_ADDRESSES_LH extends Structure {
        public int Length;
        public int IfIndex;
        public Pointer Next;
        /** char*: the adapter's GUID as "{...}". */
        public Pointer AdapterName;
        public Pointer FirstUnicastAddress;
        public Pointer FirstAnycastAddress;
        public Pointer FirstMulticastAddress;
        public Pointer FirstDnsServerAddress;
        /** WCHAR*: the connection-specific DNS suffix. */
        public Pointer DnsSuffix;
        public Pointer Description;
        /** WCHAR*: "Ethernet", "Wi-Fi", ... */
        public Pointer FriendlyName;
        public byte[] PhysicalAddress = new byte[8];
        public int PhysicalAddressLength;
        public int Flags;
        public int Mtu;
        public int IfType;
        public int OperStatus;
        public int Ipv6IfIndex;
        public int[] ZoneIndices = new int[16];
        public Pointer FirstPrefix;
        public long TransmitLinkSpeed;
        public long ReceiveLinkSpeed;
        public Pointer FirstWinsServerAddress;
        public Pointer FirstGatewayAddress;
        public int Ipv4Metric;
        public int Ipv6Metric;
        public long Luid;
        public SOCKET_ADDRESS Dhcpv4Server;
        public int CompartmentId;
        public Guid.GUID NetworkGuid;
        public int ConnectionType;
        public int TunnelType;
        public SOCKET_ADDRESS Dhcpv6Server;
        public byte[] Dhcpv6ClientDuid = new byte[130];
        public int Dhcpv6ClientDuidLength;
        public int Dhcpv6Iaid;
        public Pointer FirstDnsSuffix;

        public IP_ADAPTER_ADDRESSES_LH() {}

        public IP_ADAPTER_ADDRESSES_LH(Pointer memory) {
            super(memory);
            read();
        }
    }

    /** IP_ADAPTER_UNICAST_ADDRESS_LH: one address and its on-link prefix length. */
    @FieldOrder({"Length", "Flags", "Next", "Address", "PrefixOrigin", "SuffixOrigin", "DadState", "ValidLifetime",
        "PreferredLifetime", "LeaseLifetime", "OnLinkPrefixLength"})
    class IP_ADAPTER_UNICAST_ADDRESS_LH extends Structure {
        public int Length;
        public int Flags;
        public Pointer Next;
        public SOCKET_ADDRESS Address;
        public int PrefixOrigin;
        public int SuffixOrigin;
        public int DadState;
        public int ValidLifetime;
        public int PreferredLifetime;
        public int LeaseLifetime;
        public byte OnLinkPrefixLength;

        public IP_ADAPTER_UNICAST_ADDRESS_LH() {}

        public IP_ADAPTER_UNICAST_ADDRESS_LH(Pointer memory) {
            super(memory);
            read();
        }
    }

    /**
     * IP_ADAPTER_GATEWAY_ADDRESS_LH and IP_ADAPTER_DNS_SERVER_ADDRESS_XP, which share this shape:
     * a header, the next node, and one address.
     */
    @FieldOrder({"Length", "Reserved", "Next", "Address"})
    class IP_ADAPTER_GATEWAY_ADDRESS_LH extends Structure {
        public int Length;
        public int Reserved;
        public Pointer Next;
        public SOCKET_ADDRESS Address;

        public IP_ADAPTER_GATEWAY_ADDRESS_LH() {}

        public IP_ADAPTER_GATEWAY_ADDRESS_LH(Pointer memory) {
            super(memory);
            read();
        }
    }
}
