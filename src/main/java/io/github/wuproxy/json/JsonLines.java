package io.github.wuproxy.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Writes JSON objects one per line through one generator: simulate's output, millions of lines long.
 * The text is made on a thread of its own, the second core, from batches of lines: a line must not
 * change once written. {@link #flush} and {@link #close} return when all written so far is out.
 */
public final class JsonLines implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final Object STOP = new Object();

    private final JsonGenerator generator;
    /** Few batches ahead of the writer: lines waiting in the queue survive collections, and 16 batches made them cost a fifth of a run. */
    private final BlockingQueue<Object> handedOver = new ArrayBlockingQueue<>(4);
    private final Thread writer;
    private final Thread owner = Thread.currentThread();
    private List<JsonNode> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private boolean closed;
    private final RepeatedParts repeated = new RepeatedParts();

    public JsonLines(Writer out) {
        try {
            generator = Json.generator(out);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer = new Thread(this::writeHandedOver, "wuproxy-json-lines");
        writer.setDaemon(true);
        writer.start();
    }

    public void write(JsonNode line) {
        if (closed) {
            throw new IllegalStateException("the output is closed");
        }
        if (failure != null) {
            throw failed();
        }
        batch.add(line);
        if (batch.size() == BATCH) {
            handOver(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Pushes what is written so far out, so it comes before what is printed on stderr next. */
    public void flush() {
        if (!batch.isEmpty()) {
            handOver(batch);
            batch = new ArrayList<>(BATCH);
        }
        CountDownLatch out = new CountDownLatch(1);
        handOver(out);
        try {
            out.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the output was written", e);
        }
        if (failure != null) {
            throw failed();
        }
    }

    /**
     * {@link #flush} when called on the thread that writes the lines, else nothing: before a log line
     * goes to stderr, so stdout and stderr in one file (2>&1) come out in order, the same each run.
     */
    public void flushIfWriting() {
        if (Thread.currentThread() == owner && !closed) {
            flush();
        }
    }

    /** What the writer failed with, to be thrown here: an Error as it is, anything else unchecked. */
    private RuntimeException failed() {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            handOver(STOP);
        }
    }

    private void handOver(Object item) {
        try {
            handedOver.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the output was written", e);
        }
    }

    /**
     * A line, its parts that earlier lines held too (the same node, as simulate shares a proxy's part
     * between the lines that show it) written from the text made the second time they came.
     */
    private void writeLine(JsonNode line) throws IOException {
        if (!line.isObject()) {
            Json.write(generator, line);
            return;
        }
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : line.properties()) {
            generator.writeFieldName(field.getKey());
            JsonNode value = field.getValue();
            String text = value.isContainerNode() ? repeated.text(value) : null;
            if (text == null) {
                Json.write(generator, value);
            } else {
                generator.writeRawValue(text);
            }
        }
        generator.writeEndObject();
    }

    /** The text of the last few parts met twice, by identity: parts are not changed once written. */
    private static final class RepeatedParts {
        private final JsonNode[] seen = new JsonNode[8];
        private int seenNext;
        private final JsonNode[] kept = new JsonNode[8];
        private final String[] texts = new String[8];
        private int keptNext;

        /** The part's text when it came before, else null (and it is remembered as seen). */
        String text(JsonNode part) {
            for (int i = 0; i < kept.length; i++) {
                if (kept[i] == part) {
                    return texts[i];
                }
            }
            for (int i = 0; i < seen.length; i++) {
                if (seen[i] == part) {
                    String text = Json.write(part);
                    kept[keptNext] = part;
                    texts[keptNext] = text;
                    keptNext = (keptNext + 1) % kept.length;
                    return text;
                }
            }
            seen[seenNext] = part;
            seenNext = (seenNext + 1) % seen.length;
            return null;
        }
    }

    /** The writer's loop; after a failure it goes on taking what is handed over, writing nothing, so no one waits forever. */
    private void writeHandedOver() {
        while (true) {
            Object item;
            try {
                item = handedOver.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == STOP) {
                return;
            }
            try {
                if (item instanceof CountDownLatch) {
                    if (failure == null) {
                        generator.flush();
                    }
                } else if (failure == null) {
                    for (Object line : (List<?>) item) {
                        writeLine((JsonNode) line);
                        generator.writeRaw('\n');
                    }
                }
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
            } catch (Throwable e) { // an Error too: the caller must not wait for a writer that is gone
                failure = e;
            } finally {
                if (item instanceof CountDownLatch flushed) {
                    flushed.countDown(); // after the flush, or its failure
                }
            }
        }
    }
}
