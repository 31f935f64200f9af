package io.github.wuproxy.ipc;

import java.time.Duration;

/** How long to wait after a failure that may repeat at once (out of descriptors): doubling up to a most, none after a success. */
final class Backoff {
    private final Duration first;
    private final Duration most;
    private Duration current = Duration.ZERO;

    Backoff(Duration first, Duration most) {
        this.first = first;
        this.most = most;
    }

    /** The pause after one more failure. */
    Duration failed() {
        current = current.isZero() ? first : current.multipliedBy(2);
        if (current.compareTo(most) > 0) {
            current = most;
        }
        return current;
    }

    void succeeded() {
        current = Duration.ZERO;
    }
}
