package io.github.wuproxy.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The waits before each retry of a transiently failed round; a success starts it over. */
final class RetrySchedule {
    private final List<Duration> delays;
    private int attempt;

    RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /** The wait before the next retry, or empty when the retries are used up (and the schedule starts over). */
    Optional<Duration> next() {
        if (attempt < delays.size()) {
            return Optional.of(delays.get(attempt++));
        }
        attempt = 0;
        return Optional.empty();
    }

    /** The number of the retry {@link #next} last gave, from 1. */
    int attempt() {
        return attempt;
    }

    void succeeded() {
        attempt = 0;
    }
}
