package io.github.wuproxy.core.profile;

/** One mistake in a profile or settings file, with where it is and what to do. */
public record ProfileProblem(SourcePosition position, String message) {
    @Override
    public String toString() {
        return position.file().isEmpty() ? message : position + ": " + message;
    }
}
