package io.github.wuproxy.cli;

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
public final class MachineDataCommands {
    private MachineDataCommands() {}

    @Command(name = "copy-profiles")
    public static final class CopyProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "from")
        Path from;

        private final java.util.function.Supplier<List<Path>> profileFolders;
        private final Path data;
        private final io.github.wuproxy.port.FolderPermissions permissions;

        /** @param profileFolders the folders the agent reads, asked only when a copy is made */
        public CopyProfiles(java.util.function.Supplier<List<Path>> profileFolders, Path data, io.github.wuproxy.port.FolderPermissions permissions) {
            this.profileFolders = profileFolders;
            this.data = data;
            this.permissions = permissions;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            List<Path> folders = new java.util.ArrayList<>(profileFolders.get());
            folders.add(from);
            try {
                new HoconProfileCatalog(folders, io.github.wuproxy.config.AgentSettings.defaults().fallbackProfile()).load();
            } catch (ProfileException e) {
                e.problems().forEach(err::println);
                err.println(Texts.get("copyProfiles.refused", from));
                return ExitCodes.BAD_INPUT;
            }
            Path to = data.resolve("profiles");
            permissions.restrictToAdministrators(data);
            Files.createDirectories(to);
            int copied = 0;
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".conf")).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    copied++;
                }
            }
            spec.commandLine().getOut().println(Texts.get(copied == 1 ? "copyProfiles.doneOne" : "copyProfiles.done", copied, to));
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove-data")
    public static final class RemoveData implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Option(names = "--force")
        boolean force;

        private final Path data;
        private final io.github.wuproxy.port.StateStore state;
        private final RestoreCommand.StoreOpener stores;

        public RemoveData(Path data, io.github.wuproxy.port.StateStore state, RestoreCommand.StoreOpener stores) {
            this.data = data;
            this.state = state;
            this.stores = stores;
        }

        @Override
        public Integer call() throws IOException {
            if (!Files.exists(data)) {
                return ExitCodes.OK;
            }
            if (!force) {
                java.util.Optional<String> why = stillChanged();
                if (why.isPresent()) {
                    spec.commandLine().getErr().println(Texts.get("removeData.refused", data, why.get()));
                    return ExitCodes.FAILURE;
                }
            }
            try (Stream<Path> all = Files.walk(data)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            spec.commandLine().getOut().println(Texts.get("removeData.done", data));
            return ExitCodes.OK;
        }

        /** Why deleting now would lose the only copy of the original settings, if it would. */
        private java.util.Optional<String> stillChanged() {
            java.util.Optional<io.github.wuproxy.port.Backup> backup;
            try {
                backup = state.backup();
            } catch (io.github.wuproxy.port.StateException e) {
                return java.util.Optional.of(Texts.get("removeData.backupUnreadable", e.getMessage()));
            }
            if (backup.isEmpty()) {
                return java.util.Optional.empty();
            }
            try {
                var now = stores.open().read();
                return now.equals(backup.get().original()) ? java.util.Optional.empty()
                        : java.util.Optional.of(Texts.get("removeData.changed",
                                now.winHttp().map(io.github.wuproxy.core.proxy.UpdateProxy::describe).orElse("?"),
                                backup.get().original().winHttp().map(io.github.wuproxy.core.proxy.UpdateProxy::describe).orElse("?")));
            } catch (io.github.wuproxy.port.StoreException e) {
                return java.util.Optional.of(Texts.get("removeData.storeUnreadable", e.getMessage()));
            }
        }
    }
}
