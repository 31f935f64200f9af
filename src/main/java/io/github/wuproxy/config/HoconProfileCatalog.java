package io.github.wuproxy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileProblem;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.profile.SourcePosition;
import io.github.wuproxy.port.ProfileCatalog;
import io.github.wuproxy.port.ProfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Profiles from folders of HOCON files, one profile per {@code *.conf}. A later folder's profile
 * replaces an earlier one of the same name (machine profiles over shipped ones). Every problem of
 * every file is reported at once, with file and line.
 */
public final class HoconProfileCatalog implements ProfileCatalog {
    private final List<Path> folders;
    private final String fallbackName;

    public HoconProfileCatalog(List<Path> folders, String fallbackName) {
        this.folders = List.copyOf(folders);
        this.fallbackName = fallbackName;
    }

    public static HoconProfileCatalog of(Path folder, String fallbackName) {
        return new HoconProfileCatalog(List.of(folder), fallbackName);
    }

    @Override
    public ProfileSet load() throws ProfileException {
        List<ProfileProblem> problems = new ArrayList<>();
        Map<String, Profile> byName = new LinkedHashMap<>();
        boolean anyFolder = false;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            anyFolder = true;
            Map<String, Profile> inFolder = new LinkedHashMap<>();
            for (Path file : confFiles(folder, problems)) {
                Problems found = new Problems(file.toString());
                readFile(file, found).ifPresent(profile -> {
                    Profile earlier = inFolder.putIfAbsent(profile.name(), profile);
                    if (earlier != null) {
                        problems.add(new ProfileProblem(profile.position(), "the name " + profile.name()
                                + " is taken already by " + earlier.position().file() + "; profile names must be unique"));
                    }
                });
                problems.addAll(found.all());
            }
            byName.putAll(inFolder);
        }
        if (!anyFolder) {
            throw new ProfileException(List.of(new ProfileProblem(new SourcePosition(folders.toString(), 0),
                    "no profile folder found; create one with at least one profile (see profiles/README.md)")));
        }
        if (problems.isEmpty() && !byName.containsKey(fallbackName)) {
            problems.add(new ProfileProblem(new SourcePosition(folders.get(folders.size() - 1).toString(), 0),
                    "the fallback profile `" + fallbackName + "` (fallback-profile in agent.conf) does not exist; profiles are "
                            + String.join(", ", byName.keySet())));
        }
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        return new ProfileSet(List.copyOf(byName.values()), fallbackName);
    }

    private static List<Path> confFiles(Path folder, List<ProfileProblem> problems) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".conf") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new ProfileProblem(new SourcePosition(folder.toString(), 0),
                    "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static final String INCLUDE_REFUSED = "`include` is not supported in profiles; put everything a profile needs in its own file";

    /** A profile is one file: `include` could make the service read any file or URL, so it is refused. */
    private static final com.typesafe.config.ConfigIncluder NO_INCLUDES = new com.typesafe.config.ConfigIncluder() {
        @Override
        public com.typesafe.config.ConfigIncluder withFallback(com.typesafe.config.ConfigIncluder fallback) {
            return this;
        }

        @Override
        public com.typesafe.config.ConfigObject include(com.typesafe.config.ConfigIncludeContext context, String what) {
            throw new ConfigException.Generic(INCLUDE_REFUSED);
        }
    };

    static java.util.Optional<Profile> readFile(Path file, Problems problems) {
        java.util.OptionalInt include = includeLine(file);
        if (include.isPresent()) { // found here for its line; the includer refuses any other
            problems.add(com.typesafe.config.ConfigOriginFactory.newFile(file.toString()).withLineNumber(include.getAsInt()), INCLUDE_REFUSED);
            return java.util.Optional.empty();
        }
        Config config;
        try {
            config = ConfigFactory.parseFile(file.toFile(),
                            ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF).setIncluder(NO_INCLUDES))
                    .resolve();
        } catch (ConfigException e) {
            problems.add(e.origin(), ConfigErrors.describe(e));
            return java.util.Optional.empty();
        }
        String fileName = file.getFileName().toString();
        String defaultName = fileName.substring(0, fileName.length() - ".conf".length());
        return new ProfileReader(problems).read(config.root(), defaultName);
    }

    private static java.util.OptionalInt includeLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().matches("include\\b.*")) {
                    return java.util.OptionalInt.of(i + 1);
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // the parser says what is wrong with the file
        }
        return java.util.OptionalInt.empty();
    }
}
