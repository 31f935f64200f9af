package io.github.wuproxy.cli;

/** Starts the running agent (engine, channel and, if asked, a tray); the composition root knows how. */
public interface AgentLauncher {
    RunningAgent start(boolean withTray, String role) throws StartFailure, Exception;

    /** The running agent; closing it stops it. What the service manager tells it, it passes on. */
    interface RunningAgent extends AutoCloseable {
        /** The machine goes to sleep: no changes until {@link #resume}. */
        void suspend();

        void resume();

        /** A user signed in or switched sessions: look again. */
        void sessionChanged();

        /** Stops the agent; problems on the way are logged, never thrown. */
        @Override
        void close();
    }

    /** A start that cannot go on, with the text for the user. */
    final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean badInput;

        public StartFailure(String message, boolean badInput) {
            super(message);
            this.badInput = badInput;
        }

        public boolean badInput() {
            return badInput;
        }
    }
}
