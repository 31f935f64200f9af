package io.github.wuproxy.tray;

/** Short pop-ups near the tray. */
public interface Notices {
    /** The Windows Update proxy now fits a new profile: once per settled change. */
    void switched(String profile, String proxy, String why);

    /** A problem became active: once until it clears. */
    void problem(String headline);
}
