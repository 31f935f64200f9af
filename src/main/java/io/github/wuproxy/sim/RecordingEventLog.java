package io.github.wuproxy.sim;

import io.github.wuproxy.port.EventLog;
import java.util.ArrayList;
import java.util.List;

/** The Event Log's twin: keeps every event; never asserts. */
public final class RecordingEventLog implements EventLog {
    private final List<AgentEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AgentEvent event) {
        events.add(event);
    }

    public synchronized List<AgentEvent> events() {
        return List.copyOf(events);
    }
}
