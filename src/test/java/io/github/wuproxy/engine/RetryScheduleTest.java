package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Duration S10 = Duration.ofSeconds(10);
    private static final Duration M1 = Duration.ofMinutes(1);

    @Test
    void givesEachDelayInTurnThenGivesUpAndStartsOver() {
        var retries = new RetrySchedule(List.of(S10, M1));
        assertEquals(Optional.of(S10), retries.next());
        assertEquals(1, retries.attempt());
        assertEquals(Optional.of(M1), retries.next());
        assertEquals(2, retries.attempt());
        assertEquals(Optional.empty(), retries.next(), "used up: the caller reports the problem");
        assertEquals(Optional.of(S10), retries.next(), "the next failure starts a new series");
    }

    @Test
    void aSuccessStartsOver() {
        var retries = new RetrySchedule(List.of(S10, M1));
        retries.next();
        retries.succeeded();
        assertEquals(Optional.of(S10), retries.next());
    }

    @Test
    void noDelaysMeansNoRetries() {
        assertEquals(Optional.empty(), new RetrySchedule(List.of()).next());
    }
}
