package io.github.wuproxy.ipc;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The local channel's protocol, version 1: one JSON object per line each way.
 * Request {@code {"v":1,"op":"use","profile":"corporate","sticky":true}}; answer
 * {@code {"v":1,"ok":true,"status":{...}}} or {@code {"v":1,"ok":false,"refusal":"not-allowed","error":"why"}}.
 */
public final class IpcProtocol {
    public static final int VERSION = 1;
    /** Longest request line read; anything longer is refused unread. */
    public static final int MAX_LINE = 8 * 1024;

    /** Who may do what: reading is open to allowed users, choosing to choosers, the rest to admins. */
    public enum Right {
        READ,
        CHOOSE,
        ADMIN
    }

    /** How long an operation may take: quick ones wait for the engine's thread, heavy ones read files or start scans. */
    public enum Cost {
        QUICK(Duration.ofSeconds(45)),
        HEAVY(Duration.ofSeconds(180));

        /** How long a client waits for the answer (the engine itself gives up on a call after 30 s). */
        public final Duration clientTimeout;

        Cost(Duration clientTimeout) {
            this.clientTimeout = clientTimeout;
        }
    }

    /**
     * Every operation, the right it needs and what it costs. {@code choosesProfile}: the organisation's
     * policy lock (and its list of allowed profiles) binds everyone but administrators.
     */
    public enum Op {
        STATUS("status", Right.READ, Cost.QUICK, false),
        SUBSCRIBE("subscribe", Right.READ, Cost.QUICK, false),
        USE("use", Right.CHOOSE, Cost.QUICK, true),
        AUTO("auto", Right.CHOOSE, Cost.QUICK, true),
        SYNC("sync", Right.CHOOSE, Cost.QUICK, false),
        USER_PROXY("user-proxy", Right.CHOOSE, Cost.QUICK, false),
        SCAN("scan", Right.CHOOSE, Cost.HEAVY, false),
        PAUSE("pause", Right.ADMIN, Cost.QUICK, false),
        RESUME("resume", Right.ADMIN, Cost.QUICK, false),
        SET("set", Right.ADMIN, Cost.QUICK, false),
        RELOAD("reload", Right.ADMIN, Cost.HEAVY, false),
        REMEMBER("remember", Right.ADMIN, Cost.HEAVY, false);

        public final String word;
        public final Right right;
        public final Cost cost;
        public final boolean choosesProfile;

        Op(String word, Right right, Cost cost, boolean choosesProfile) {
            this.word = word;
            this.right = right;
            this.cost = cost;
            this.choosesProfile = choosesProfile;
        }

        private static final Map<String, Op> BY_WORD = Arrays.stream(values()).collect(Collectors.toMap(op -> op.word, Function.identity()));

        public static Optional<Op> named(String word) {
            return Optional.ofNullable(BY_WORD.get(word));
        }

        /** The words, sorted, for "known: ..." messages. */
        public static String known() {
            return String.join(", ", BY_WORD.keySet().stream().sorted().toList());
        }
    }

    public static final Set<String> FIELDS = Set.of("v", "op", "profile", "sticky", "keep", "proxy", "userProxy", "token");

    private IpcProtocol() {}
}
