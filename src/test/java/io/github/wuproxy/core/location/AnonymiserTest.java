package io.github.wuproxy.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnonymiserTest {
    private static final String SHA = "5f1e0c3b9a4d2e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";

    /** The office fixture with what a real recording also holds: a beacon password, a path, EUI-64 addresses, a MAC. */
    private static NetworkLocation office() {
        NetworkLocation fixture = Fixtures.location("network/corp-dock-wired-edited.json");
        NetworkLink link = fixture.links().get(0);
        List<HostAddress> addresses = List.of(HostAddress.parse("10.20.30.40/16"), HostAddress.parse("2a02:8070:1234:5600:a62b:b0ff:fe11:2233/64"));
        NetworkLink eui = new NetworkLink(link.name(), link.kind(), link.dnsSuffix(), addresses,
                List.of(Gateway.of("fe80::211:22ff:fe33:4455", "00-11-22-33-44-55"), Gateway.of("10.20.0.1", "00-11-22-33-44-55")),
                link.dnsServers(), Optional.of("CorpWifi"));
        ProbeResults p = fixture.probes();
        return new NetworkLocation("office", List.of(eui), fixture.category(), fixture.networkName(), new ProbeResults(p.dns(),
                p.reverseDns(), Set.of("proxy.corp.example.com:8080", "[fe80::211:22ff:fe33:4455]:3128"),
                Map.of("https://bob:p@ss/w:rd@nls.corp.example.com:8443/secret/probe.html?tok=1", SHA),
                Map.of("http://wpad.corp.example.com/corp/wpad.dat?user=bob", "PROXY proxy.corp.example.com:8080; DIRECT")));
    }

    @Test
    void replacesEveryIdentifyingValueAndKeepsSubnetsAndTheLabel() throws Exception {
        NetworkLocation shared = Anonymiser.withFreshKey().anonymise(office());
        String json = LocationJson.write(shared).toString();
        for (String secret : List.of("corp.example.com", "CorpWifi", "00-11-22-33-44-55", "a62b:b0ff:fe11:2233", "211:22ff:fe33:4455", SHA,
                "bob", "p@ss", "secret", "probe.html", "tok", "wpad.dat", "corp/")) {
            assertFalse(json.contains(secret), secret + " in " + json);
        }
        assertEquals("office", shared.name(), "--name stays as given");
        assertTrue(json.contains("10.20.30.40/16") && json.contains("10.20.0.8") && json.contains("2a02:8070:1234:5600:"), json);
        assertEquals(shared.links().get(0).dnsSuffix(), shared.networkName(), "one name, one pseudonym, wherever it appears");
        assertTrue(shared.links().get(0).gateways().get(0).mac().orElseThrow().matches("[0-9a-f][26ae](-[0-9a-f]{2}){5}"),
                "a locally administered MAC: " + shared.links().get(0).gateways());
        String beacon = shared.probes().beacons().keySet().iterator().next();
        assertTrue(beacon.matches("https://n-[0-9a-f]{10}\\.example:8443/p-[0-9a-f]{10}"), beacon);
        assertTrue(shared.probes().beacons().values().iterator().next().matches("[0-9a-f]{64}"), "still reads as a fingerprint");
        assertTrue(shared.probes().reachable().contains("[" + shared.links().get(0).gateways().get(0).ip() + "]:3128"), shared.probes().reachable().toString());
        assertTrue(shared.probes().pac().values().iterator().next().matches("PROXY n-[0-9a-f]{10}\\.example:8080; DIRECT"),
                shared.probes().pac().toString());
        assertEquals(shared, LocationJson.read(LocationJson.write(shared)), "the recording still reads back");
    }

    @Test
    void theSameKeyMapsTheSameAndAnotherKeyOrAFreshKeyDoesNot() {
        NetworkLocation office = office();
        NetworkLocation a = Anonymiser.withKey("fleet-42").anonymise(office);
        assertEquals(a, Anonymiser.withKey("fleet-42").anonymise(office));
        assertNotEquals(a.networkName(), Anonymiser.withKey("fleet-43").anonymise(office).networkName());
        assertNotEquals(Anonymiser.withFreshKey().anonymise(office).networkName(), Anonymiser.withFreshKey().anonymise(office).networkName(),
                "without --key a dictionary of likely names hashed offline cannot reverse the pseudonyms");
    }

    @Test
    void thePseudonymIsTheHmacSha256OfTheKey() throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("fleet-42".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal("name:corp.example.com".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 5);
        assertEquals("n-" + expected + ".example", Anonymiser.withKey("fleet-42").name("corp.example.com"));
        String longKey = "k".repeat(100);
        mac.init(new javax.crypto.spec.SecretKeySpec(longKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("n-" + java.util.HexFormat.of().formatHex(mac.doFinal("name:x.example".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 5)
                + ".example", Anonymiser.withKey(longKey).name("x.example"));
    }
}
