package io.github.wuproxy.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.testing.Fixtures;
import org.junit.jupiter.api.Test;

class AnonymiserTest {
    @Test
    void replacesEveryNameStablyAndKeepsTheAddresses() {
        NetworkLocation office = Fixtures.location("network/corp-dock-wired-edited.json");
        NetworkLocation shared = Anonymiser.anonymise(office);
        String json = LocationJson.write(shared).toString();
        assertFalse(json.contains("corp.example.com"), json);
        assertTrue(json.contains("10.20.30.40/16") && json.contains("10.20.0.8"), json);
        assertEquals(Anonymiser.anonymise(office), shared, "the same name gets the same pseudonym");
        assertEquals(shared.links().get(0).dnsSuffix(), shared.networkName(), "one name, one pseudonym, wherever it appears");
        assertTrue(shared.probes().reachable().iterator().next().endsWith(".example:8080"));
        assertTrue(shared.probes().pac().values().iterator().next().matches("PROXY n-[0-9a-f]{6}\\.example:8080; DIRECT"),
                shared.probes().pac().toString());
    }
}
