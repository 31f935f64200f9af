package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerTest {
    @Test
    void onlyTheUsersOwnChoicesOverrideAYield() {
        assertEquals(List.of(Trigger.USE, Trigger.USE_AUTOMATIC), Arrays.stream(Trigger.values()).filter(Trigger::isUserChoice).toList());
    }

    @Test
    void theLogSaysTriggersInWords() {
        assertEquals("captive portal recheck", Trigger.CAPTIVE_PORTAL_RECHECK.word());
        assertEquals("network change", Trigger.NETWORK_CHANGE.word());
    }
}
