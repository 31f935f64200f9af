package io.github.wuproxy.app;

import io.github.wuproxy.cli.ExitCodes;
import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.port.ProfileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Machine data for installers: copy checked profiles in (MSI PROFILES_DIR), remove everything (REMOVE_DATA). */
final class MachineDataCommands {
    private MachineDataCommands() {}

    @Command(name = "copy-profiles", description = "Check the profiles in DIR (a share, say) and copy them to this machine's profiles.")
    static final class CopyProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path from;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            AgentPaths paths = AgentPaths.detect(Adapters.isWindows());
            List<Path> folders = new java.util.ArrayList<>(paths.profileFolders());
            folders.add(from);
            try {
                new HoconProfileCatalog(folders, io.github.wuproxy.config.AgentSettings.defaults().fallbackProfile()).load();
            } catch (ProfileException e) {
                e.problems().forEach(err::println);
                err.println("Nothing was copied: fix the profiles in " + from + " first.");
                return ExitCodes.BAD_INPUT;
            }
            Path to = paths.data().resolve("profiles");
            Adapters.folderPermissions().restrictToAdministrators(paths.data());
            Files.createDirectories(to);
            int copied = 0;
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".conf")).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                }
            }
            spec.commandLine().getOut().println("Copied " + copied + " profile" + (copied == 1 ? "" : "s") + " to " + to + ".");
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove-data", description = "Delete wuproxy's data folder (state, logs, machine profiles); run `restore` first.")
    static final class RemoveData implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path data = AgentPaths.detect(Adapters.isWindows()).data();
            if (!Files.exists(data)) {
                return ExitCodes.OK;
            }
            try (Stream<Path> all = Files.walk(data)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            spec.commandLine().getOut().println("Removed " + data + ".");
            return ExitCodes.OK;
        }
    }
}
