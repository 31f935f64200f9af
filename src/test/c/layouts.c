/*
 * Prints the size and field offsets of every Windows structure wuproxy maps with JNA, as the
 * Windows SDK headers shipped with mingw-w64 define them for x64. WinHttpTypesLayoutTest compares
 * its JNA structures with this output, so no number in the test is typed by hand.
 * Build: x86_64-w64-mingw32-gcc -o layouts.exe layouts.c ; run under Wine or Windows.
 */
#include <winsock2.h>
#include <ws2ipdef.h>
#include <windows.h>
#include <winhttp.h>
#include <iphlpapi.h>
#include <stddef.h>
#include <stdio.h>

#define SIZE(T) printf(#T " size %u\n", (unsigned) sizeof(T))
#define FIELD(T, F) printf(#T "." #F " offset %u\n", (unsigned) offsetof(T, F))

int main(void)
{
    SIZE(WINHTTP_PROXY_INFO);
    FIELD(WINHTTP_PROXY_INFO, dwAccessType);
    FIELD(WINHTTP_PROXY_INFO, lpszProxy);
    FIELD(WINHTTP_PROXY_INFO, lpszProxyBypass);

    SIZE(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, fAutoDetect);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszAutoConfigUrl);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszProxy);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszProxyBypass);

    SIZE(WINHTTP_AUTOPROXY_OPTIONS);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, dwFlags);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, dwAutoDetectFlags);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, lpszAutoConfigUrl);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, lpvReserved);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, dwReserved);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, fAutoLogonIfChallenged);

    SIZE(QUERY_SERVICE_CONFIG);
    FIELD(QUERY_SERVICE_CONFIG, dwServiceType);
    FIELD(QUERY_SERVICE_CONFIG, dwStartType);
    FIELD(QUERY_SERVICE_CONFIG, dwErrorControl);
    FIELD(QUERY_SERVICE_CONFIG, lpBinaryPathName);
    FIELD(QUERY_SERVICE_CONFIG, lpLoadOrderGroup);
    FIELD(QUERY_SERVICE_CONFIG, dwTagId);
    FIELD(QUERY_SERVICE_CONFIG, lpDependencies);
    FIELD(QUERY_SERVICE_CONFIG, lpServiceStartName);
    FIELD(QUERY_SERVICE_CONFIG, lpDisplayName);

    SIZE(SERVICE_STATUS);
    FIELD(SERVICE_STATUS, dwServiceType);
    FIELD(SERVICE_STATUS, dwCurrentState);
    FIELD(SERVICE_STATUS, dwControlsAccepted);
    FIELD(SERVICE_STATUS, dwWin32ExitCode);
    FIELD(SERVICE_STATUS, dwServiceSpecificExitCode);
    FIELD(SERVICE_STATUS, dwCheckPoint);
    FIELD(SERVICE_STATUS, dwWaitHint);

    SIZE(SERVICE_FAILURE_ACTIONS_FLAG);
    FIELD(SERVICE_FAILURE_ACTIONS_FLAG, fFailureActionsOnNonCrashFailures);

    SIZE(SOCKET_ADDRESS);
    FIELD(SOCKET_ADDRESS, lpSockaddr);
    FIELD(SOCKET_ADDRESS, iSockaddrLength);

    SIZE(IP_ADAPTER_ADDRESSES_LH);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Length);
    FIELD(IP_ADAPTER_ADDRESSES_LH, IfIndex);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Next);
    FIELD(IP_ADAPTER_ADDRESSES_LH, AdapterName);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstUnicastAddress);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstAnycastAddress);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstMulticastAddress);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstDnsServerAddress);
    FIELD(IP_ADAPTER_ADDRESSES_LH, DnsSuffix);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Description);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FriendlyName);
    FIELD(IP_ADAPTER_ADDRESSES_LH, PhysicalAddress);
    FIELD(IP_ADAPTER_ADDRESSES_LH, PhysicalAddressLength);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Flags);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Mtu);
    FIELD(IP_ADAPTER_ADDRESSES_LH, IfType);
    FIELD(IP_ADAPTER_ADDRESSES_LH, OperStatus);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Ipv6IfIndex);
    FIELD(IP_ADAPTER_ADDRESSES_LH, ZoneIndices);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstPrefix);
    FIELD(IP_ADAPTER_ADDRESSES_LH, TransmitLinkSpeed);
    FIELD(IP_ADAPTER_ADDRESSES_LH, ReceiveLinkSpeed);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstWinsServerAddress);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstGatewayAddress);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Ipv4Metric);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Ipv6Metric);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Luid);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Dhcpv4Server);
    FIELD(IP_ADAPTER_ADDRESSES_LH, CompartmentId);
    FIELD(IP_ADAPTER_ADDRESSES_LH, NetworkGuid);
    FIELD(IP_ADAPTER_ADDRESSES_LH, ConnectionType);
    FIELD(IP_ADAPTER_ADDRESSES_LH, TunnelType);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Dhcpv6Server);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Dhcpv6ClientDuid);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Dhcpv6ClientDuidLength);
    FIELD(IP_ADAPTER_ADDRESSES_LH, Dhcpv6Iaid);
    FIELD(IP_ADAPTER_ADDRESSES_LH, FirstDnsSuffix);

    SIZE(IP_ADAPTER_UNICAST_ADDRESS_LH);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, Length);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, Flags);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, Next);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, Address);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, PrefixOrigin);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, SuffixOrigin);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, DadState);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, ValidLifetime);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, PreferredLifetime);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, LeaseLifetime);
    FIELD(IP_ADAPTER_UNICAST_ADDRESS_LH, OnLinkPrefixLength);

    SIZE(IP_ADAPTER_GATEWAY_ADDRESS_LH);
    FIELD(IP_ADAPTER_GATEWAY_ADDRESS_LH, Length);
    FIELD(IP_ADAPTER_GATEWAY_ADDRESS_LH, Reserved);
    FIELD(IP_ADAPTER_GATEWAY_ADDRESS_LH, Next);
    FIELD(IP_ADAPTER_GATEWAY_ADDRESS_LH, Address);
    /* The DNS server list has the same shape; the adapter reads it with the gateway structure. */
    SIZE(IP_ADAPTER_DNS_SERVER_ADDRESS_XP);
    FIELD(IP_ADAPTER_DNS_SERVER_ADDRESS_XP, Address);

    /* sockaddr_in / sockaddr_in6, read by offset in WindowsNetworkLocationSource. */
    FIELD(SOCKADDR_IN, sin_addr);
    FIELD(SOCKADDR_IN6, sin6_addr);
    return 0;
}
