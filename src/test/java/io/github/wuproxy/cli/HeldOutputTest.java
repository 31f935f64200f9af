package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HeldOutputTest {
    @Test
    void aWriteWaitsWhileTheMostIsHeldAndGoesOutInOrderOnRelease() throws Exception {
        StringWriter target = new StringWriter();
        HeldOutput held = new HeldOutput(target);
        held.hold();
        String full = "x".repeat(HeldOutput.MOST_HELD);
        Thread writer = new Thread(() -> {
            try {
                held.write(full);
                held.write("after\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Thread.State state;
        while ((state = writer.getState()) != Thread.State.WAITING && state != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        assertEquals(Thread.State.WAITING, state); // a slow parse does not fill the heap with held output
        assertEquals("", target.toString());

        held.release();
        writer.join();
        assertEquals(full + "after\n", target.toString());
    }
}
