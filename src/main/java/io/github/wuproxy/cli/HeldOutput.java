package io.github.wuproxy.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;

/**
 * stdout, held back while a timeline is still being read: the replay starts on its first lines, and
 * a timeline found broken further on prints none of its own. {@link #release} lets through what was
 * held and all after it; {@link #drop} discards it and all after it until {@link #open}. A flush
 * while held waits for one of the two, so a line on stderr never comes before the lines it follows.
 */
final class HeldOutput extends Writer {
    /** The most held at once: past it a write waits for the parse (the replay pauses, not the heap filling with output). */
    static final int MOST_HELD = 4 << 20;

    private final Writer target;
    private StringBuilder held;
    private boolean dropping;

    HeldOutput(Writer target) {
        this.target = target;
    }

    /** Holds what is written from now on. */
    synchronized void hold() {
        held = new StringBuilder();
        dropping = false;
    }

    /** Writes what was held, and lets all after it through. */
    synchronized void release() throws IOException {
        StringBuilder text = held;
        held = null;
        notifyAll();
        if (text != null && !dropping) {
            target.append(text);
        }
    }

    /** Discards what was held and all written after it, until {@link #open}. */
    synchronized void drop() {
        held = null;
        dropping = true;
        notifyAll();
    }

    /** Lets what is written through again after a {@link #drop}. */
    synchronized void open() {
        dropping = false;
    }

    /** Whether what is written now is discarded: a line on stderr about it would be about a replay that printed nothing. */
    synchronized boolean dropping() {
        return dropping;
    }

    @Override
    public synchronized void write(char[] text, int offset, int length) throws IOException {
        awaitRoom();
        if (held != null) {
            held.append(text, offset, length);
        } else if (!dropping) {
            target.write(text, offset, length);
        }
    }

    @Override
    public synchronized void write(String text, int offset, int length) throws IOException {
        awaitRoom();
        if (held != null) {
            held.append(text, offset, offset + length);
        } else if (!dropping) {
            target.write(text, offset, length);
        }
    }

    private void awaitRoom() throws InterruptedIOException {
        try {
            while (held != null && held.length() >= MOST_HELD) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the timeline was read");
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        try {
            while (held != null) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the timeline was read");
        }
        if (!dropping) {
            target.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
