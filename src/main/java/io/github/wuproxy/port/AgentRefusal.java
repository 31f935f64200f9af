package io.github.wuproxy.port;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /**
     * The reason as data, for a front end to say in the user's language: a code ({@code no-profile}, {@code admins-only},
     * {@code not-allowed}) and its values; on the channel {@code "why":{"code":..,"values":[..]}} beside {@code error}.
     */
    public record Why(String code, List<String> values) {
        public Why {
            values = List.copyOf(values);
        }

        public static Why of(String code, String... values) {
            return new Why(code, List.of(values));
        }
    }

    private final Kind kind;
    private final transient Why why;

    /** A blank reason is replaced: a caller is never told "refused: " and nothing more. */
    public AgentRefusal(Kind kind, String reason) {
        this(kind, reason, null);
    }

    /** {@code reason} in English for the log; {@code why}, when not null, the same as data. */
    public AgentRefusal(Kind kind, String reason, Why why) {
        super(reason == null || reason.isBlank() ? "the agent could not do it and gave no reason (" + kind.word() + ")" : reason);
        this.kind = kind;
        this.why = why;
    }

    public Optional<Why> why() {
        return Optional.ofNullable(why);
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return getMessage();
    }
}
