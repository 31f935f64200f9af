package io.github.wuproxy.app;

import io.github.wuproxy.cli.AgentCommand;
import io.github.wuproxy.cli.AgentCommands;
import io.github.wuproxy.cli.AgentLauncher;
import io.github.wuproxy.cli.TrayCommand;
import io.github.wuproxy.cli.CheckCommand;
import io.github.wuproxy.cli.MachineDataCommands;
import io.github.wuproxy.cli.DiagnoseCommand;
import io.github.wuproxy.cli.ProxyCommands;
import io.github.wuproxy.cli.RecordCommand;
import io.github.wuproxy.cli.ServiceCommand;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.cli.RestoreCommand;
import io.github.wuproxy.cli.SimulateCommand;
import io.github.wuproxy.state.FileStateStore;
import io.github.wuproxy.cli.UnexpectedFailure;
import io.github.wuproxy.cli.WuProxyCli;
import java.util.List;
import picocli.CommandLine;

/** Entry point of every wuproxy process: the CLI, the agent, the service and the tray. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // dorkbox libraries phone home unless this is set before any of their classes loads.
        System.setProperty("dorkbox.updates.Updates.ENABLE", "false");
        if (Adapters.isWindows()) {
            var refused = io.github.wuproxy.windows.WinHttpUpdateProxyStore.thirtyTwoBitJava(System.getProperty("sun.arch.data.model", ""));
            if (refused.isPresent()) {
                System.err.println("wuproxy: " + refused.get());
                System.exit(io.github.wuproxy.cli.ExitCodes.FAILURE);
            }
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        String command = String.join(" ", args);
        if (command.equals("service") || command.equals("agent") || command.equals("agent --headless")) {
            return runWithoutParser(args[0], command.equals("agent"));
        }
        return runBare(List.of(args)).orElseGet(() -> commandLine(args.length == 0 ? "" : args[0]).execute(args));
    }

    /**
     * The bare forms scripts run most, {@code status [--json]}, {@code check}, {@code explain CODE
     * [--json]} and {@code simulate [--output MODE] TIMELINE|DIR}, run as their commands do without
     * picocli, whose model is half of a short command's start.
     * Anything else (another option, {@code --help}, an {@code @file}) goes to picocli.
     */
    static java.util.Optional<Integer> runBare(List<String> args) {
        if (args.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean json = args.size() > 1 && args.get(args.size() - 1).equals("--json");
        List<String> operands = args.subList(1, args.size() - (json ? 1 : 0));
        String name = args.get(0);
        AgentPaths paths;
        java.util.function.BiFunction<java.io.PrintWriter, java.io.PrintWriter, Integer> command;
        if (name.equals("status") && operands.isEmpty()) {
            paths = AgentPaths.detect(Adapters.isWindows());
            command = AgentCommands.status(paths::socket, json)::run;
        } else if (name.equals("check") && operands.isEmpty() && !json) {
            paths = AgentPaths.detect(Adapters.isWindows());
            command = new CheckCommand(paths.install())::run;
        } else if (name.equals("explain") && operands.size() == 1 && operands.get(0).matches("[0-9A-Za-z]{1,20}")) {
            command = new io.github.wuproxy.cli.ExplainCommand(operands.get(0), json)::run;
        } else if (name.equals("simulate") && !json && (args.size() == 2 || args.size() == 4 && args.get(1).equals("--output")
                && List.of("all", "failures", "summary").contains(args.get(2))) && plainPath(args.get(args.size() - 1))) {
            paths = AgentPaths.detect(Adapters.isWindows());
            command = new SimulateCommand(paths.install(), java.nio.file.Path.of(args.get(args.size() - 1)), args.size() == 4 ? args.get(2) : "all")::run;
        } else {
            return java.util.Optional.empty();
        }
        var out = io.github.wuproxy.cli.ConsoleWriters.out();
        var err = io.github.wuproxy.cli.ConsoleWriters.err();
        try {
            return java.util.Optional.of(command.apply(out, err));
        } catch (RuntimeException e) {
            return java.util.Optional.of(UnexpectedFailure.report(name, e, err));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * {@code service} and {@code agent} as the launchers start them: what their commands do, without
     * picocli, whose model the idle agent would otherwise keep (about 3 MB).
     */
    private static int runWithoutParser(String command, boolean withTray) {
        var err = new java.io.PrintWriter(System.err, true);
        AgentPaths paths = AgentPaths.detect(Adapters.isWindows());
        AgentLauncher launcher = (tray, role) -> AgentRuntime.start(paths, tray, role);
        try {
            return command.equals("service") ? ServiceCommand.run(err, launcher, new WindowsServices(Adapters.isWindows(), paths))
                    : AgentCommand.runUntilStopped(err, launcher, withTray, "agent");
        } catch (Exception e) {
            return UnexpectedFailure.report(command, e, err);
        }
    }

    /** A path picocli would take as it is: no option, no {@code @file}, one the file system can name. */
    private static boolean plainPath(String arg) {
        if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
            return false;
        }
        try {
            java.nio.file.Path.of(arg);
            return true;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** What {@code diagnose} reads, on this machine. */
    static Diagnosis diagnosis(AgentPaths paths) throws io.github.wuproxy.port.StoreException {
        return new Diagnosis(paths, Adapters.forThisMachine(paths, AgentSettings.defaults()), System.getenv(), Adapters.updatePolicy(),
                Adapters.windowsBuild(), Adapters.updateStores());
    }

    /** The commands in the order `wuproxy --help` lists them; a group is registered together, by its first name. */
    static final List<List<String>> COMMANDS = List.of(List.of("agent"), List.of("service"), List.of("tray"), List.of("copy-profiles"),
            List.of("remove-data"), List.of("check"), List.of("simulate"), List.of("record"), List.of("explain"), List.of("diagnose"),
            List.of("status"), List.of("use"), List.of("remember"), List.of("pause"), List.of("resume"), List.of("sync"), List.of("reload"),
            List.of("show", "reset", "import", "set"), List.of("restore"));

    static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * Every command, or only {@code first}'s (and help) when it names one: picocli builds each
     * command's model from its annotations, most of a short command's start.
     */
    static CommandLine commandLine(String first) {
        boolean one = COMMANDS.stream().anyMatch(group -> group.contains(first));
        CommandLine cli = new CommandLine(new WuProxyCli());
        AgentPaths paths = AgentPaths.detect(Adapters.isWindows());
        for (List<String> group : COMMANDS) {
            if (!one || group.contains(first)) {
                add(cli, group.get(0), paths);
            }
        }
        cli.setExecutionExceptionHandler((e, failed, parsed) -> UnexpectedFailure.report(failed.getCommandName(), e, failed.getErr()));
        return WuProxyCli.finish(cli);
    }

    private static void add(CommandLine cli, String command, AgentPaths paths) {
        AgentLauncher launcher = (withTray, role) -> AgentRuntime.start(paths, withTray, role);
        switch (command) {
            case "agent" -> cli.addSubcommand(new AgentCommand(launcher));
            case "service" -> cli.addSubcommand(new ServiceCommand(launcher, new WindowsServices(Adapters.isWindows(), paths)));
            case "tray" -> cli.addSubcommand(new TrayCommand(paths.socket(), Adapters::userProxyOfThisSession, exit -> new DeskActions(paths, exit),
                    Adapters.userProxyStores(paths)));
            case "copy-profiles" -> cli.addSubcommand(new MachineDataCommands.CopyProfiles(paths::profileFolders, paths.data(), Adapters.folderPermissions()));
            case "remove-data" -> cli.addSubcommand(new MachineDataCommands.RemoveData(paths.data(), new FileStateStore(paths.state()),
                    () -> Adapters.forThisMachine(paths, AgentSettings.defaults()).store()));
            case "check" -> cli.addSubcommand(new CheckCommand(paths.install()));
            case "simulate" -> cli.addSubcommand(new SimulateCommand(paths.install()));
            case "record" -> cli.addSubcommand(new RecordCommand(() -> {
                io.github.wuproxy.config.Configuration configuration = io.github.wuproxy.config.Configuration.load(paths.agentConf(), paths.profileFolders());
                return Adapters.forThisMachine(paths, configuration.settings()).network()
                        .current(io.github.wuproxy.engine.ProbeRequests.of(configuration.profiles()));
            }));
            case "explain" -> cli.addSubcommand(new io.github.wuproxy.cli.ExplainCommand());
            case "diagnose" -> cli.addSubcommand(new DiagnoseCommand(() -> diagnosis(paths).gather(), paths.logs(), () -> Adapters.policy().diagnosticsFolder(),
                    Adapters.folderPermissions()));
            case "status", "use", "remember", "pause", "resume", "sync", "reload" -> AgentCommands.add(cli, command, paths::socket, () -> {
                try {
                    return new io.github.wuproxy.config.HoconProfileCatalog(paths.profileFolders(), AgentSettings.defaults().fallbackProfile())
                            .load().all().stream().map(io.github.wuproxy.core.profile.Profile::name).toList();
                } catch (io.github.wuproxy.port.ProfileException e) {
                    return java.util.List.of();
                }
            });
            case "show" -> ProxyCommands.addTo(cli, new LocalMachine(paths));
            case "restore" -> cli.addSubcommand(new RestoreCommand(() -> Adapters.forThisMachine(paths, AgentSettings.defaults()).store(),
                    new FileStateStore(paths.state()), Adapters.userProxyStores(paths)));
            default -> throw new IllegalArgumentException("no command " + command);
        }
    }
}
