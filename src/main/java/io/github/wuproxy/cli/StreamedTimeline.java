package io.github.wuproxy.cli;

import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.sim.TimelineEvent;
import io.github.wuproxy.sim.TimelineException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A timeline file read and parsed on a thread of its own (the second core), its events handed over
 * in batches while the replay runs. The output stays held until the whole file has parsed: released
 * then, or dropped when a line is bad, and the replay stops there with {@link Broken}.
 */
final class StreamedTimeline implements Iterator<TimelineEvent> {
    /** The longest timeline read (a fleet of ten thousand laptop-days is 15 MB): a device or a huge file gets words, not an OutOfMemoryError. */
    static final int MAX_TIMELINE_BYTES = 128 << 20;
    private static final int BATCH = 4096;

    /** The timeline cannot be replayed: what is wrong, in words (file and line for a bad line). */
    static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Broken(String message) {
            super(message, null, false, false);
        }
    }

    /** The end of the events, after the whole file parsed. */
    private static final Object END = new Object();

    private final Path file;
    private final HeldOutput output;
    /** Unbounded: the reader never waits for the replay, so a flush that waits for the end of the parse cannot wait forever. */
    private final BlockingQueue<Object> handedOver = new LinkedBlockingQueue<>();
    private List<TimelineEvent> batch = new ArrayList<>(BATCH);
    private Iterator<TimelineEvent> current = List.<TimelineEvent>of().iterator();
    private Object last;
    /** What ended a read that failed: the replay stops at once, not after the events handed over before it. */
    private volatile Object failed;

    private StreamedTimeline(Path file, HeldOutput output) {
        this.file = file;
        this.output = output;
    }

    /** Starts reading {@code file}; what is written to {@code output} from now on is held until it has parsed. */
    static StreamedTimeline start(Path file, HeldOutput output) {
        StreamedTimeline timeline = new StreamedTimeline(file, output);
        output.hold();
        Thread reader = new Thread(timeline::read, "wuproxy-timeline-reader");
        reader.setDaemon(true);
        reader.start();
        return timeline;
    }

    @Override
    public boolean hasNext() {
        if (failed != null) {
            last = failed;
            current = List.<TimelineEvent>of().iterator();
        }
        while (!current.hasNext()) {
            if (last == null) {
                try {
                    Object next = handedOver.take();
                    if (next instanceof List<?> events) {
                        @SuppressWarnings("unchecked")
                        List<TimelineEvent> handed = (List<TimelineEvent>) events;
                        current = handed.iterator();
                        continue;
                    }
                    last = next;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the timeline was read", e);
                }
            }
            if (last == END) {
                return false;
            }
            if (last instanceof Broken broken) {
                throw broken;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw last instanceof RuntimeException r ? r : new IllegalStateException((Throwable) last);
        }
        return true;
    }

    @Override
    public TimelineEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private void read() {
        Object end;
        try {
            try (InputStream in = open()) {
                Timeline.parse(file.toString(), in, this::handOver);
            }
            end = END;
        } catch (IOException e) {
            end = new Broken(e instanceof Timeline.NotUtf8 notText ? Texts.get("simulate.notUtf8", file, notText.line())
                    : Texts.get("simulate.unreadable", file, Texts.why(e)));
        } catch (TimelineException e) {
            end = new Broken(e.getMessage());
        } catch (Broken e) {
            end = e;
        } catch (Throwable e) { // the replay must not wait for a reader that is gone
            end = e;
        }
        if (!batch.isEmpty()) {
            handedOver.add(batch);
        }
        if (end != END) {
            failed = end; // the replay's flush after it waits for the drop
        }
        try {
            if (end == END) {
                output.release();
            } else {
                output.drop();
            }
        } catch (IOException e) {
            output.drop(); // stdout failed: the run reports it at the end, as any failed write
        }
        handedOver.add(end);
    }

    private void handOver(TimelineEvent event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            handedOver.add(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** The file's bytes, up to the longest timeline read: a device or a huge file gets words, not an OutOfMemoryError. */
    private InputStream open() throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_TIMELINE_BYTES) {
            throw tooLarge(); // at once, not after reading it
        }
        return new FilterInputStream(Files.newInputStream(file)) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++read > MAX_TIMELINE_BYTES) {
                    throw tooLarge();
                }
                return b;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                int n = super.read(into, offset, length);
                read += Math.max(n, 0);
                if (read > MAX_TIMELINE_BYTES) {
                    throw tooLarge();
                }
                return n;
            }
        };
    }

    private Broken tooLarge() {
        return new Broken(Texts.get("simulate.tooLarge", file, MAX_TIMELINE_BYTES >> 20));
    }
}
