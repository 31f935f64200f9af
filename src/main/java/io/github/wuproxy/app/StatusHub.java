package io.github.wuproxy.app;

import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.Notifier;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Passes everything on, keeps the latest status, and hands it to every subscriber: the current one first. */
final class StatusHub extends ForwardingNotifier {
    private final List<Consumer<AgentStatus>> subscribers = new CopyOnWriteArrayList<>();
    private volatile Optional<AgentStatus> latest = Optional.empty();

    StatusHub(Notifier next) {
        super(next);
    }

    @Override
    public synchronized void status(AgentStatus status) {
        latest = Optional.of(status);
        super.status(status);
        subscribers.forEach(s -> s.accept(status));
    }

    Optional<AgentStatus> latest() {
        return latest;
    }

    AutoCloseable subscribe(Consumer<AgentStatus> subscriber) {
        synchronized (this) {
            latest.ifPresent(subscriber);
            subscribers.add(subscriber);
        }
        return () -> subscribers.remove(subscriber);
    }
}
