package io.github.wuproxy.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.wuproxy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocationFingerprintTest {
    private final NetworkLocation office = Fixtures.location("network/corp-dock-wired-edited.json");

    @Test
    void ignoresOrderLabelAndProbeResults() {
        NetworkLink link = office.links().get(0);
        var reordered = new NetworkLink(link.name(), link.kind(), link.dnsSuffix(),
                List.of(link.addresses().get(1), link.addresses().get(0)), link.gateways(),
                List.of(link.dnsServers().get(1), link.dnsServers().get(0)), link.ssid());
        var same = new NetworkLocation("another label", List.of(reordered), office.category(), office.networkName(),
                new ProbeResults(Map.of(), Map.of(), Set.of("x.example:1"), Map.of(), Map.of()));
        assertEquals(office.fingerprint(), same.fingerprint());
    }

    @Test
    void changesWhenAnAddressOrTheCategoryChanges() {
        NetworkLink link = office.links().get(0);
        var moved = new NetworkLink(link.name(), link.kind(), link.dnsSuffix(), List.of(HostAddress.parse("10.20.30.41/16")),
                link.gateways(), link.dnsServers(), Optional.empty());
        assertNotEquals(office.fingerprint(),
                new NetworkLocation("", List.of(moved), office.category(), office.networkName(), null).fingerprint());
        assertNotEquals(office.fingerprint(),
                new NetworkLocation("", office.links(), NetworkCategory.PRIVATE, office.networkName(), null).fingerprint());
    }

    @Test
    void offlineHasItsOwnFingerprint() {
        assertEquals(LocationFingerprint.OFFLINE, NetworkLocation.offline().fingerprint());
        assertEquals("offline", NetworkLocation.offline().describe());
    }

    @Test
    void describesTheSignalsAUserRecognises() {
        assertEquals("Wi-Fi: DNS suffix home.arpa, SSID Fritz Home, gateway 192.168.1.1; category private",
                Fixtures.location("network/home-wifi-edited.json").describe());
    }
}
