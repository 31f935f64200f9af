package io.github.wuproxy.ipc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's one I/O thread: accepts, reads each request line within a deadline, writes answers
 * and pushes without ever blocking, and closes every connection it is done with. The work itself
 * happens elsewhere ({@link Requests}); answers come back through {@link #answer} from any thread.
 */
final class ChannelLoop {
    private static final Logger log = LoggerFactory.getLogger(ChannelLoop.class);
    /** A connection with nothing due: a subscriber with nothing to send. */
    private static final long NONE = Long.MAX_VALUE;
    private static final Duration WORK_DEADLINE = IpcProtocol.Cost.HEAVY.clientTimeout.plusMinutes(1);

    /**
     * @param readDeadline how long a caller has to send its request line
     * @param writeDeadline how long an answer or a push may wait for the caller to read
     * @param maxWaiting connections still sending their request; beyond it the oldest is closed
     * @param maxSubscribers subscribers at once; beyond it a new one is refused
     * @param subscriberQueue pushes waiting for one subscriber; beyond it the subscriber is dropped
     */
    record Limits(Duration readDeadline, Duration writeDeadline, int maxWaiting, int maxSubscribers, int subscriberQueue) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(10), 256, 64, 128);
    }

    /** Called on the loop thread; must not block. */
    interface Requests {
        /** A whole request line, or {@code null} when it was longer than the protocol allows. */
        void received(Connection connection, String line);
    }

    private final ServerSocketChannel server;
    private final Requests requests;
    private final Limits limits;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Set<Connection> waiting = new LinkedHashSet<>();
    private final Set<Connection> subscribers = new LinkedHashSet<>();
    private final LogBudget trouble = LogBudget.perMinute(10);
    private volatile boolean open = true;
    private volatile int subscriberCount;
    private SelectionKey acceptKey;
    private long acceptPausedUntil;
    private final Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
    private int connections;

    ChannelLoop(ServerSocketChannel server, Requests requests, Limits limits) throws IOException {
        this.server = server;
        this.requests = requests;
        this.limits = limits;
        this.selector = Selector.open();
        server.configureBlocking(false);
        acceptKey = server.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::run, "wuproxy-ipc");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Sends {@code line} to the caller and closes the connection once it is written. */
    void answer(Connection connection, String line) {
        post(() -> {
            if (connection.channel.isOpen()) {
                connection.closeWhenWritten = true;
                queue(connection, line);
            }
        });
    }

    /** Sends the first answer and keeps the connection for pushes; {@code full} is sent instead when there are too many. */
    void subscribe(Connection connection, String first, String full) {
        post(() -> {
            if (!connection.channel.isOpen()) {
                return;
            }
            if (subscribers.size() >= limits.maxSubscribers()) {
                connection.closeWhenWritten = true;
                queue(connection, full);
                return;
            }
            connection.subscriber = true;
            subscribers.add(connection);
            subscriberCount = subscribers.size();
            queue(connection, first);
            if (connection.key.isValid()) {
                connection.key.interestOps(connection.key.interestOps() | SelectionKey.OP_READ); // to see it leave
            }
        });
    }

    /** Queues {@code line} for every subscriber; one whose queue is full has stopped reading and is dropped. */
    void publish(String line) {
        post(() -> {
            for (Connection subscriber : List.copyOf(subscribers)) {
                if (subscriber.out.size() >= limits.subscriberQueue()) {
                    warn("a subscriber stopped reading ({} pushes waiting); it is dropped, the others go on", limits.subscriberQueue());
                    close(subscriber);
                } else {
                    queue(subscriber, line);
                }
            }
        });
    }

    /** For tests, from any thread. */
    int subscriberCount() {
        return subscriberCount;
    }

    void close() {
        open = false;
        selector.wakeup();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void post(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        try {
            while (open) {
                try {
                    turn();
                } catch (Throwable e) { // the loop outlives any one failure; a repeating one is slowed down
                    warn("local channel: unexpected {}; still listening", e.toString());
                    pause(Duration.ofMillis(100));
                }
            }
        } finally {
            for (var key : selector.keys()) {
                closeQuietly(key);
            }
            try {
                selector.close();
                server.close();
            } catch (IOException e) {
                log.debug("closing the channel: {}", e.getMessage());
            }
        }
    }

    private void turn() throws IOException {
        long now = System.nanoTime();
        long next = expire(now);
        if (acceptPausedUntil != 0) {
            long left = acceptPausedUntil - now;
            if (left <= 0 && acceptKey.isValid()) {
                acceptPausedUntil = 0;
                acceptKey.interestOps(SelectionKey.OP_ACCEPT);
            } else {
                next = next < 0 ? left : Math.min(next, left);
            }
        }
        selector.select(next < 0 ? 0 : Math.max(1, (next + 999_999) / 1_000_000)); // asleep until something happens or is due
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
        for (var iterator = selector.selectedKeys().iterator(); iterator.hasNext(); ) {
            SelectionKey key = iterator.next();
            iterator.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key == acceptKey) {
                accept();
            } else {
                serve(key, (Connection) key.attachment());
            }
        }
    }

    private void accept() {
        for (int i = 0; i < 64; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // Out of descriptors, typically: stop accepting a while rather than spin on the same error.
                Duration pause = backoff.failed();
                acceptPausedUntil = System.nanoTime() + pause.toNanos();
                acceptKey.interestOps(0);
                warn("local channel: cannot accept a connection ({}); trying again in {} ms", e.getMessage(), pause.toMillis());
                return;
            }
            if (channel == null) {
                return;
            }
            backoff.succeeded();
            try {
                channel.configureBlocking(false);
                Connection connection = new Connection(channel, peer(channel));
                connection.deadline = System.nanoTime() + limits.readDeadline().toNanos();
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connections++;
                waiting.add(connection);
                if (waiting.size() > limits.maxWaiting()) {
                    close(waiting.iterator().next()); // the one that has waited longest without a request
                }
            } catch (IOException | RuntimeException e) {
                warn("local channel: a connection could not be set up ({})", e.toString());
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private void serve(SelectionKey key, Connection connection) {
        try {
            if (key.isReadable()) {
                read(connection);
            }
            if (key.isValid() && key.isWritable()) {
                flush(connection);
            }
        } catch (IOException e) {
            log.debug("local channel: a caller left ({})", e.getMessage());
            close(connection);
        }
    }

    private void read(Connection connection) throws IOException {
        if (connection.subscriber) {
            // A subscriber sends nothing more; reading only tells when it leaves.
            ByteBuffer scrap = ByteBuffer.allocate(256);
            if (connection.channel.read(scrap) < 0) {
                close(connection);
            }
            return;
        }
        ByteBuffer in = connection.in;
        int start = in.position();
        int count = connection.channel.read(in);
        for (int i = start; i < in.position(); i++) {
            if (in.get(i) == '\n') {
                received(connection, new String(in.array(), 0, i, StandardCharsets.UTF_8));
                return;
            }
        }
        if (!in.hasRemaining()) {
            received(connection, null);
        } else if (count < 0) {
            if (in.position() == 0) {
                close(connection); // connected and left without a word
            } else {
                received(connection, new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
            }
        }
    }

    private void received(Connection connection, String line) {
        waiting.remove(connection);
        connection.key.interestOps(0);
        connection.deadline = System.nanoTime() + WORK_DEADLINE.toNanos(); // past every client's patience: closed even if the work hangs
        requests.received(connection, line);
    }

    private void queue(Connection connection, String line) {
        if (!connection.key.isValid()) {
            return;
        }
        if (connection.out.isEmpty()) {
            connection.deadline = System.nanoTime() + limits.writeDeadline().toNanos();
        }
        connection.out.add(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        connection.key.interestOps(connection.key.interestOps() | SelectionKey.OP_WRITE);
        try {
            flush(connection); // at once, while the caller's socket has room: a burst does not pile up here
        } catch (IOException e) {
            log.debug("local channel: a caller left ({})", e.getMessage());
            close(connection);
        }
    }

    private void flush(Connection connection) throws IOException {
        while (!connection.out.isEmpty()) {
            ByteBuffer head = connection.out.peek();
            int written = connection.channel.write(head);
            if (written > 0) {
                connection.deadline = System.nanoTime() + limits.writeDeadline().toNanos();
            }
            if (head.hasRemaining()) {
                return;
            }
            connection.out.poll();
        }
        if (connection.closeWhenWritten) {
            close(connection);
        } else {
            connection.deadline = NONE;
            connection.key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Closes the connections past their deadline; the nanoseconds until the next one is due, or -1 when none is. */
    private long expire(long now) {
        long next = -1;
        if (connections == 0) {
            return next;
        }
        List<Connection> late = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection connection && connection.deadline != NONE) {
                long left = connection.deadline - now;
                if (left <= 0) {
                    late.add(connection);
                } else {
                    next = next < 0 ? left : Math.min(next, left);
                }
            }
        }
        for (Connection connection : late) {
            log.debug("local channel: closing a connection past its deadline ({})", connection.out.isEmpty() ? "no request, or no answer" : "answer not read");
            if (connection.subscriber) {
                warn("a subscriber did not read for {} s; it is dropped, the others go on", limits.writeDeadline().toSeconds());
            }
            close(connection);
        }
        return next;
    }

    private void close(Connection connection) {
        waiting.remove(connection);
        subscribers.remove(connection);
        subscriberCount = subscribers.size();
        if (connection.key != null && connection.key.isValid()) {
            connections--;
        }
        closeQuietly(connection.key);
        try {
            connection.channel.close();
        } catch (IOException e) {
            log.debug("local channel: closing: {}", e.getMessage());
        }
    }

    private static void closeQuietly(SelectionKey key) {
        if (key == null) {
            return;
        }
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            log.debug("local channel: closing: {}", e.getMessage());
        }
    }

    /** The caller as the kernel knows it; empty where the OS cannot say (Windows). */
    private static Optional<String> peer(SocketChannel channel) throws IOException {
        try {
            UnixDomainPrincipal principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return Optional.of(principal.user().getName());
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private void warn(String format, Object... args) {
        trouble.take().ifPresent(leftOut -> log.warn(format + LogBudget.leftOut(leftOut), args));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
