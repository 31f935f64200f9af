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
            return files.filter(f -> f.getFileName().toString().endsWith(".conf") && (Files.isRegularFile(f) || Files.isSymbolicLink(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new ProfileProblem(new SourcePosition(folder.toString(), 0),
                    "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    static java.util.Optional<Profile> readFile(Path file, Problems problems) {
        java.util.Optional<Config> config = SafeHocon.parse(file, problems);
        if (config.isEmpty()) {
            return java.util.Optional.empty();
        }
        String fileName = file.getFileName().toString();
        String defaultName = fileName.substring(0, fileName.length() - ".conf".length());
        return new ProfileReader(problems).read(config.get().root(), defaultName);
    }
}
