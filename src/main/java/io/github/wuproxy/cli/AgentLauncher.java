package io.github.wuproxy.cli;

/** Starts the running agent (engine, channel and, if asked, a tray); the composition root knows how. */
public interface AgentLauncher {
    /** The running agent; closing it stops it. */
    AutoCloseable start(boolean withTray, String role) throws StartFailure, Exception;

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
