package io.github.wuproxy.ipc;

import java.util.Map;
import java.util.Set;

/**
 * The local channel's protocol, version 1: one JSON object per line each way.
 * Request {@code {"v":1,"op":"use","profile":"corporate","sticky":true}}; answer
 * {@code {"v":1,"ok":true,"status":{...}}} or {@code {"v":1,"ok":false,"error":"why"}}.
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

    public static final Map<String, Right> OPERATIONS = Map.ofEntries(
            Map.entry("status", Right.READ),
            Map.entry("subscribe", Right.READ),
            Map.entry("use", Right.CHOOSE),
            Map.entry("auto", Right.CHOOSE),
            Map.entry("sync", Right.CHOOSE),
            Map.entry("pause", Right.ADMIN),
            Map.entry("resume", Right.ADMIN),
            Map.entry("reload", Right.ADMIN),
            Map.entry("set", Right.ADMIN),
            Map.entry("user-proxy", Right.CHOOSE),
            Map.entry("scan", Right.CHOOSE),
            Map.entry("remember", Right.ADMIN));

    public static final Set<String> FIELDS = Set.of("v", "op", "profile", "sticky", "proxy", "userProxy", "token");

    private IpcProtocol() {}
}
