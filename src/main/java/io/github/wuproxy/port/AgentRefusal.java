package io.github.wuproxy.port;

/** The agent did not do what was asked, and says why; a typed answer, never a string prefix. */
public final class AgentRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in kinds a front end acts on. */
    public enum Kind {
        /** The caller lacks the right, or the organisation's policy locks it. */
        NOT_ALLOWED,
        /** The request names something that does not exist or is malformed. */
        BAD_REQUEST,
        /** It was allowed and tried, and failed. */
        FAILED,
        /** No agent answers. */
        UNAVAILABLE
    }

    private final Kind kind;

    public AgentRefusal(Kind kind, String reason) {
        super(reason == null || reason.isBlank() ? "the agent refused without saying why" : reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
