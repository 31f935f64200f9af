package io.github.wuproxy.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
    @Test
    void printsAddressesCanonically() {
        assertEquals("10.20.30.40", IpAddress.parse(" 10.20.30.40 ").toString());
        assertEquals("fe80::1", IpAddress.parse("FE80:0:0:0:0:0:0:1").toString());
        assertEquals("2001:db8::1:0:0:1", IpAddress.parse("2001:db8:0:0:1:0:0:1").toString());
        assertEquals("fe80::1", IpAddress.parse("fe80::1%eth0").toString());
        assertEquals("10.1.2.3", IpAddress.parse("::ffff:10.1.2.3").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "256.1.1.1", "10.0.0.1.5", "proxy.corp.example", "localhost", "", "1:2:3:4:5:6:7:8:9"})
    void refusesAnythingButALiteralWithoutLookingItUp(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
        assertTrue(e.getMessage().contains("not an IP address") || e.getMessage().contains("found nothing"), e.getMessage());
    }

    @Test
    void cidrContainsItsAddressesOnly() {
        Cidr block = Cidr.parse("10.20.0.0/16");
        assertTrue(block.contains(IpAddress.parse("10.20.255.1")));
        assertFalse(block.contains(IpAddress.parse("10.21.0.1")));
        assertFalse(block.contains(IpAddress.parse("fd00::1")));
        assertTrue(Cidr.parse("fd00::/8").contains(IpAddress.parse("fd12:3456::1")));
        assertEquals("10.0.0.0/8", Cidr.parse("10.9.8.7/8").toString());
        assertTrue(Cidr.parse("0.0.0.0/0").contains(IpAddress.parse("8.8.8.8")));
        assertTrue(Cidr.parse("192.168.1.1").contains(IpAddress.parse("192.168.1.1")));
    }

    @Test
    void cidrNamesABadPrefix() {
        assertEquals("prefix length /33 is out of range for 10.0.0.0 (0 to 32)",
                assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x")).getMessage()
                .contains("no valid prefix length"));
    }
}
