package io.github.wuproxy.core.profile;

/** Whether a condition holds, with the reason in words a user understands. */
public record Verdict(boolean holds, String why) {
    static Verdict yes(String why) {
        return new Verdict(true, why);
    }

    static Verdict no(String why) {
        return new Verdict(false, why);
    }
}
