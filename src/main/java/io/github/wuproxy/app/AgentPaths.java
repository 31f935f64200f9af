package io.github.wuproxy.app;

import io.github.wuproxy.state.FileStateStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the agent finds its files. The install folder ({@code wuproxy.home}, else the folder of
 * wuproxy.jar or its parent, whichever holds {@code profiles/}, else the current folder) holds the
 * shipped {@code profiles/} and {@code agent/}; the data folder holds state, logs
 * and machine profiles: {@code %ProgramData%\wuproxy} on Windows, {@code ~/.wuproxy} elsewhere.
 */
record AgentPaths(Path install, Path data, Optional<Path> policyProfiles) {
    AgentPaths(Path install, Path data) {
        this(install, data, Optional.empty());
    }

    /** The same, with the profiles folder Group Policy names (it wins over machine and shipped profiles). */
    AgentPaths withPolicy(io.github.wuproxy.port.Policy policy) {
        return new AgentPaths(install, data, policy.profilesFolder());
    }

    static AgentPaths detect(boolean windows) {
        Path install = installFolder(System.getProperty("wuproxy.home"), codeLocation(), Path.of(""));
        String override = System.getProperty("wuproxy.data");
        Path data;
        if (override != null) {
            data = Path.of(override);
        } else if (windows) {
            String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
            data = Path.of(programData, "wuproxy");
        } else {
            data = Path.of(System.getProperty("user.home"), ".wuproxy");
        }
        return new AgentPaths(install, data.toAbsolutePath().normalize());
    }

    /**
     * The install folder: {@code wuproxy.home} when given; else the jar's folder (installed) or its
     * parent (a checkout's target/) when it holds profiles/; else the working folder. A service starts
     * in System32 and a user anywhere, so the working folder is only the last resort.
     */
    static Path installFolder(String home, Path codeLocation, Path workingFolder) {
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        if (codeLocation != null && java.nio.file.Files.isRegularFile(codeLocation)) {
            Path jarFolder = codeLocation.toAbsolutePath().normalize().getParent();
            for (Path folder : new Path[] {jarFolder, jarFolder == null ? null : jarFolder.getParent()}) {
                if (folder != null && java.nio.file.Files.isDirectory(folder.resolve("profiles"))) {
                    return folder;
                }
            }
        }
        return workingFolder.toAbsolutePath().normalize();
    }

    /** wuproxy.jar (or the classes folder in a build), or null when the JVM does not say. */
    static Path codeLocation() {
        try {
            var source = AgentPaths.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    Path agentConf() {
        return install.resolve("agent").resolve("agent.conf");
    }

    Path logbackConf() {
        return install.resolve("agent").resolve("logback.xml");
    }

    /**
     * Shipped profiles first; machine profiles of the same name replace them, and policy's replace both.
     * A machine or policy folder that users other than administrators may write is left out, with a
     * warning: a profile there could point every update at a proxy of the writer's choosing.
     */
    List<Path> profileFolders() {
        List<Path> folders = new java.util.ArrayList<>(List.of(install.resolve("profiles")));
        List<Path> guarded = new java.util.ArrayList<>(List.of(data.resolve("profiles")));
        policyProfiles.ifPresent(guarded::add);
        io.github.wuproxy.port.FolderPermissions permissions = Adapters.folderPermissions();
        for (Path folder : guarded) {
            java.util.Optional<String> unsafe = permissions.othersMayWrite(folder);
            if (unsafe.isPresent()) {
                org.slf4j.LoggerFactory.getLogger(AgentPaths.class).warn("profiles in {} are ignored: {}", folder, unsafe.get());
            } else {
                folders.add(folder);
            }
        }
        return List.copyOf(folders);
    }

    /**
     * Makes the data folder ready for an agent and takes its single-instance lock: created if need be
     * (the service's owned by Administrators), refused with the fix when another user could change
     * what is in it or in its state and logs folders, logs readable by the owner only.
     */
    FileStateStore.Lock claim(String role, FileStateStore state) throws io.github.wuproxy.cli.AgentLauncher.StartFailure, java.io.IOException {
        io.github.wuproxy.port.FolderPermissions permissions = Adapters.folderPermissions();
        if (role.equals("service")) {
            permissions.restrictToAdministrators(data);
        } else {
            java.nio.file.Files.createDirectories(data);
        }
        for (Path folder : List.of(data, state(), logs(), data.resolve("profiles"))) {
            Optional<String> unsafe = permissions.othersMayWrite(folder);
            if (unsafe.isPresent()) {
                throw new io.github.wuproxy.cli.AgentLauncher.StartFailure("The " + role + " did not start: another user could change its files. "
                        + unsafe.get() + ".", true);
            }
        }
        List<Path> logFiles = new java.util.ArrayList<>(List.of(logs().resolve("wuproxy.log")));
        for (int i = 1; i <= LogRolling.ARCHIVES; i++) {
            logFiles.add(LogRolling.archive(logs(), i));
        }
        for (Path log : logFiles) {
            if (java.nio.file.Files.isSymbolicLink(log)) {
                throw new io.github.wuproxy.cli.AgentLauncher.StartFailure("The " + role + " did not start: " + log + " is a symbolic link, so the log "
                        + "would be written wherever it points; remove it (rm " + log + ").", true);
            }
        }
        FileStateStore.Lock lock;
        try {
            lock = state.lock();
        } catch (io.github.wuproxy.port.StateException e) {
            throw new io.github.wuproxy.cli.AgentLauncher.StartFailure("The " + role + " did not start: " + e.getMessage(), false);
        }
        try {
            permissions.restrictToOwner(logs());
        } catch (java.io.IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return lock;
    }

    Path state() {
        return data.resolve("state");
    }

    Path logs() {
        return data.resolve("logs");
    }

    /** The problems the agent reported, as JSON lines, for diagnose. */
    Path problems() {
        return logs().resolve("problems.jsonl");
    }

    /** The local channel's Unix-domain socket, in a folder only the agent's account may enter. */
    Path socket() {
        return data.resolve("channel").resolve("agent.sock");
    }

    /** The caller's own folder for the backup of their proxy settings: %LOCALAPPDATA%\wuproxy on Windows (the data folder is the service's). */
    Path userProxyBackups(boolean windows) {
        String local = System.getenv("LOCALAPPDATA");
        return windows && local != null ? Path.of(local, "wuproxy") : data.resolve("user");
    }

    /** Off Windows: the simulated machine's proxy settings. */
    Path simulatedMachine() {
        return data.resolve("simulated-machine.json");
    }
}
