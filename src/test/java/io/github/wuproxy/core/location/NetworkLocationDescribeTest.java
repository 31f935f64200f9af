package io.github.wuproxy.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkLocationDescribeTest {
    private static NetworkLocation on(String... addresses) {
        var link = new NetworkLink("eth0", LinkKind.ETHERNET, "", List.of(addresses).stream().map(HostAddress::parse).toList(),
                List.of(), List.of(), Optional.empty());
        return new NetworkLocation("", List.of(link), NetworkCategory.UNKNOWN, "", null);
    }

    @Test
    void showsIpv4AndGlobalIpv6BeforeALinkLocalAddress() {
        assertEquals("Ethernet eth0: address 192.0.2.2/24, fd00::2/64", on("fe80::fc:ff:fe00:1/64", "192.0.2.2/24", "fd00::2/64").describe());
    }

    @Test
    void showsALinkLocalAddressOnlyWhenThereIsNothingElse() {
        assertEquals("Ethernet eth0: address fe80::1/64", on("fe80::1/64").describe());
    }
}
