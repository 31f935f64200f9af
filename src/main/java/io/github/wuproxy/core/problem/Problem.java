package io.github.wuproxy.core.problem;

/**
 * A failure a user sees: a stable code, what failed, why, and what to do. The tray, the CLI and
 * the log all render {@link #text()}.
 */
public record Problem(ProblemCode code, Severity severity, String whatFailed, String why, String whatToDo) {

    /** The whole message: "WUP200 Could not ...: why. What to do." */
    public String text() {
        return code.id() + " " + sentence(whatFailed) + ": " + sentence(why) + ". " + sentence(whatToDo) + ".";
    }

    /** The title and first sentence, for a tray balloon. */
    public String headline() {
        return sentence(whatFailed) + ".";
    }

    private static String sentence(String part) {
        String trimmed = part.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
