package io.github.wuproxy.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what another thread or process does: polls until {@code condition} holds, failing after 30 s. */
public final class Await {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Await() {}

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + LIMIT.toSeconds() + " s, in vain, until " + what);
            }
            Thread.sleep(20);
        }
    }
}
