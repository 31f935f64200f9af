package io.github.wuproxy.port;

/** The Windows Event Log (Application, source "wuproxy"), where IT's collectors read what wuproxy did. */
public interface EventLog {
    void record(AgentEvent event);

    /**
     * One event. The ids are stable and documented in the README: 1000 started, 1001 stopped,
     * 1100 profile switched, 1200 problem, 1300 foreign write.
     */
    record AgentEvent(int id, Level level, String text) {
        public static final int STARTED = 1000;
        public static final int STOPPED = 1001;
        public static final int SWITCHED = 1100;
        public static final int PROBLEM = 1200;
        public static final int FOREIGN_WRITE = 1300;

        /** How Event Viewer shows it. */
        public enum Level {
            INFORMATION,
            WARNING,
            ERROR
        }
    }

    EventLog NONE = event -> { };
}
