package io.github.wuproxy.core.problem;

/** How much a problem matters to the user. */
public enum Severity {
    /** The proxy may be wrong for this network until it is fixed. */
    ERROR,
    /** Degraded but working; wuproxy keeps trying. */
    WARNING
}
