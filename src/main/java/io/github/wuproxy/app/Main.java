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
        System.exit(commandLine().execute(args));
    }

    /** What {@code diagnose} reads, on this machine. */
    static Diagnosis diagnosis(AgentPaths paths) throws io.github.wuproxy.port.StoreException {
        return new Diagnosis(paths, Adapters.forThisMachine(paths, AgentSettings.defaults()), System.getenv(), Adapters.updatePolicy(),
                Adapters.windowsBuild(), Adapters.updateStores());
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WuProxyCli());
        AgentPaths paths = AgentPaths.detect(Adapters.isWindows());
        AgentLauncher launcher = (withTray, role) -> AgentRuntime.start(paths, withTray, role);
        cli.addSubcommand(new AgentCommand(launcher));
        cli.addSubcommand(new ServiceCommand(launcher, new WindowsServices(Adapters.isWindows(), paths)));
        cli.addSubcommand(new TrayCommand(paths.socket(), Adapters::userProxyOfThisSession, exit -> new DeskActions(paths, exit),
                Adapters.userProxyStores(paths)));
        cli.addSubcommand(new MachineDataCommands.CopyProfiles(paths::profileFolders, paths.data(), Adapters.folderPermissions()));
        cli.addSubcommand(new MachineDataCommands.RemoveData(paths.data(), new FileStateStore(paths.state()),
                () -> Adapters.forThisMachine(paths, AgentSettings.defaults()).store()));
        cli.addSubcommand(new CheckCommand(paths.install()));
        cli.addSubcommand(new SimulateCommand(paths.install()));
        cli.addSubcommand(new RecordCommand(() -> {
            io.github.wuproxy.config.Configuration configuration = io.github.wuproxy.config.Configuration.load(paths.agentConf(), paths.profileFolders());
            return Adapters.forThisMachine(paths, configuration.settings()).network()
                    .current(io.github.wuproxy.engine.ProbeRequests.of(configuration.profiles()));
        }));
        cli.addSubcommand(new io.github.wuproxy.cli.ExplainCommand());
        cli.addSubcommand(new DiagnoseCommand(() -> diagnosis(paths).gather(), paths.logs(), () -> Adapters.policy().diagnosticsFolder(),
                Adapters.folderPermissions()));
        AgentCommands.addTo(cli, paths::socket, () -> {
            try {
                return new io.github.wuproxy.config.HoconProfileCatalog(paths.profileFolders(), AgentSettings.defaults().fallbackProfile())
                        .load().all().stream().map(io.github.wuproxy.core.profile.Profile::name).toList();
            } catch (io.github.wuproxy.port.ProfileException e) {
                return java.util.List.of();
            }
        });
        ProxyCommands.addTo(cli, new LocalMachine(paths));
        cli.addSubcommand(new RestoreCommand(() -> Adapters.forThisMachine(paths, AgentSettings.defaults()).store(), new FileStateStore(paths.state()),
                Adapters.userProxyStores(paths)));
        cli.setExecutionExceptionHandler(new UnexpectedFailure());
        return WuProxyCli.finish(cli);
    }
}
