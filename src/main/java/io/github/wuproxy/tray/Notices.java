package io.github.wuproxy.tray;

/** Short pop-ups near the tray. */
public interface Notices {
    /** The Windows Update proxy now fits a new profile: once per settled change. */
    void switched(String profile, String proxy, String why);

    /** A problem became active: once until it clears. */
    void problem(String headline);

    /** What the user asked for: About, where a diagnosis went, a choice the agent could not carry out. Shown even with notifications off. */
    void info(String title, String text);
}
