package io.github.wuproxy.sim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.port.PacException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Off Windows the live agent resolves PAC with this too: a miss says answers come from snapshots only, not that a download failed. */
class ProbedPacResolverTest {
    @Test
    void aMissSaysPacAnswersComeFromRecordedSnapshotsOnly() {
        var e = assertThrows(PacException.class,
                () -> new ProbedPacResolver().resolve(Optional.of("http://wpad.corp.example.com/wpad.dat"), NetworkLocation.offline()));
        assertTrue(e.getMessage().contains("off Windows wuproxy neither downloads nor runs setup scripts"), e.getMessage());
        assertTrue(e.getMessage().contains("recorded snapshots only"), e.getMessage());
        assertTrue(!e.getMessage().contains("could not be downloaded"), e.getMessage());
        var wpad = assertThrows(PacException.class, () -> new ProbedPacResolver().resolve(Optional.empty(), NetworkLocation.offline()));
        assertTrue(wpad.getMessage().contains("recorded snapshots only"), wpad.getMessage());
    }
}
