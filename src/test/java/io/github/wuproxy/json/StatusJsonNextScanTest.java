package io.github.wuproxy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code nextScan} on the status wire: added, so older readers and writers keep working. */
class StatusJsonNextScanTest {
    private static final Instant SCAN = Instant.parse("2026-11-30T14:37:05Z");

    private static AgentStatus status(Optional<Instant> nextScan) {
        return new AgentStatus("home", Selection.Basis.RULE, "ssid home", Optional.of(UpdateProxy.direct()), Optional.of(UpdateProxy.direct()),
                "Wi-Fi home", false, Optional.empty(), Optional.empty(), List.of(), io.github.wuproxy.port.UserProxyStatus.UNKNOWN, nextScan);
    }

    @Test
    void writesAndReadsTheNextScan() throws Exception {
        ObjectNode json = StatusJson.write(status(Optional.of(SCAN)));
        assertEquals("2026-11-30T14:37:05Z", json.path("nextScan").asText());
        assertEquals(Optional.of(SCAN), StatusJson.read(json).nextScan());
        assertTrue(io.github.wuproxy.cli.StatusText.render(status(Optional.of(SCAN))).contains("Next scan: 2026-11-30T14:37:05Z\n"));
    }

    @Test
    void unknownIsNullAndAnOlderAgentsStatusHasNone() throws Exception {
        ObjectNode json = StatusJson.write(status(Optional.empty()));
        assertTrue(json.get("nextScan").isNull());
        assertEquals(Optional.empty(), StatusJson.read(json).nextScan());
        json.remove("nextScan");
        assertEquals(status(Optional.empty()), StatusJson.read(json));
        assertTrue(io.github.wuproxy.cli.StatusText.render(status(Optional.empty())).contains("Next scan: unknown\n"));
    }

    @Test
    void aTimeThatIsNotOneIsRefusedByName() {
        ObjectNode json = StatusJson.write(status(Optional.empty()));
        json.put("nextScan", "tomorrow\nmorning");
        var e = assertThrows(JsonFormatException.class, () -> StatusJson.read(json));
        assertEquals("`status.nextScan` is not a time: \"tomorrow\nmorning\"", e.getMessage());
    }
}
