package io.github.wuproxy.core.problem;

/**
 * Stable codes of the problems a user can see; each has a row in the README's troubleshooting
 * table. Never renumber.
 */
public enum ProblemCode {
    WRITE_DENIED("WUP200"),
    WRITE_FAILED("WUP201"),
    READ_BACK_MISMATCH("WUP202"),
    READ_FAILED("WUP203"),
    BACKUP_FAILED("WUP204"),
    STATE_FAILED("WUP205"),
    SERVICE_RESTART_FAILED("WUP300"),
    PROXY_UNRESOLVED("WUP400"),
    PROXY_UNVERIFIED("WUP401"),
    FOREIGN_WRITE("WUP500"),
    SCAN_FAILED("WUP600");

    private final String id;

    ProblemCode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
