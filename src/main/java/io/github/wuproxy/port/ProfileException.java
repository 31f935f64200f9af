package io.github.wuproxy.port;

import io.github.wuproxy.core.profile.ProfileProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Profiles that cannot be used; carries every problem found, each with file and line. */
public final class ProfileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ProfileProblem> problems;

    public ProfileException(List<ProfileProblem> problems) {
        super(problems.stream().map(ProfileProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ProfileProblem> problems() {
        return problems;
    }
}
