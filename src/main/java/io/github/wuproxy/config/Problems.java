package io.github.wuproxy.config;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import io.github.wuproxy.core.profile.ProfileProblem;
import io.github.wuproxy.core.profile.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a file so the user sees them all at once. */
final class Problems {
    private final String file;
    private final List<ProfileProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(ConfigOrigin origin, String message) {
        found.add(new ProfileProblem(position(origin), message));
    }

    void add(ConfigValue value, String message) {
        add(value.origin(), message);
    }

    void addAtFile(String message) {
        found.add(new ProfileProblem(new SourcePosition(file, 0), message));
    }

    SourcePosition position(ConfigOrigin origin) {
        return new SourcePosition(file, origin == null ? 0 : Math.max(origin.lineNumber(), 0));
    }

    List<ProfileProblem> all() {
        return List.copyOf(found);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }
}
