package io.github.wuproxy.port;

import java.util.Locale;

/**
 * The agent did not do what was asked, and says why: a typed answer every front end acts on, and
 * on the local channel {@code {"ok":false,"refusal":"not-allowed","error":"why"}}.
 */
public final class AgentRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in a word a client can act on. */
    public enum Kind {
        /** The request is not one this agent reads (malformed, unknown operation, other version). */
        BAD_REQUEST,
        /** The caller lacks the right. */
        NOT_ALLOWED,
        /** The organisation's policy forbids it for users. */
        MANAGED,
        /** What the user asked for is wrong (no such profile, a bad proxy). */
        BAD_INPUT,
        /** Tried, and it failed. */
        FAILED,
        /** The agent is too busy or did not answer in time. */
        BUSY,
        /** This agent does not offer it. */
        UNSUPPORTED,
        /** No agent answers. */
        UNAVAILABLE;

        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The kind a client reads; an agent of a later version may send one this one does not know. */
        public static Kind of(String word) {
            for (Kind kind : values()) {
                if (kind.word().equals(word)) {
                    return kind;
                }
            }
            return FAILED;
        }
    }

    private final Kind kind;

    /** A blank reason is replaced: a caller is never told "refused: " and nothing more. */
    public AgentRefusal(Kind kind, String reason) {
        super(reason == null || reason.isBlank() ? "the agent could not do it and gave no reason (" + kind.word() + ")" : reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }
}
