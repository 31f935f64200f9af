package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.testing.Fixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateClientEventsTest {
    @Test
    void readsAFailedScanByFieldNameNotPosition() {
        assertEquals(Optional.of(ScanResult.failed(Instant.parse("2026-11-20T08:14:03.5551234Z"), 0x8024402C)),
                UpdateClientEvents.parse(Fixtures.text("windows/wuclient-event25-edited.xml")));
    }

    @Test
    void readsASucceededScan() {
        assertEquals(Optional.of(ScanResult.succeeded(Instant.parse("2026-11-20T09:02:41Z"))),
                UpdateClientEvents.parse(Fixtures.text("windows/wuclient-event26-edited.xml")));
    }

    @Test
    void ignoresOtherEventsAndAnythingThatIsNotAnEvent() {
        String download = Fixtures.text("windows/wuclient-event25-edited.xml").replace("<EventID>25<", "<EventID>31<");
        assertEquals(Optional.empty(), UpdateClientEvents.parse(download));
        assertEquals(Optional.empty(), UpdateClientEvents.parse("<Event><System><EventID>25</EventID></System></Event>"));
        assertEquals(Optional.empty(), UpdateClientEvents.parse("not xml"));
        assertEquals(Optional.empty(), UpdateClientEvents.parse(
                "<!DOCTYPE e [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><Event><System><EventID>&x;</EventID></System></Event>"));
    }
}
