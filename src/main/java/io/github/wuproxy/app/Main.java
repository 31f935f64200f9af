package io.github.wuproxy.app;

import io.github.wuproxy.cli.AgentCommand;
import io.github.wuproxy.cli.AgentCommands;
import io.github.wuproxy.cli.AgentLauncher;
import io.github.wuproxy.cli.TrayCommand;
import io.github.wuproxy.cli.CheckCommand;
import io.github.wuproxy.cli.ProxyCommands;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.cli.RestoreCommand;
import io.github.wuproxy.cli.SimulateCommand;
import io.github.wuproxy.state.FileStateStore;
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

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WuProxyCli());
        AgentPaths paths = AgentPaths.detect(Adapters.isWindows());
        AgentLauncher launcher = (withTray, role) -> AgentRuntime.start(paths, withTray, role);
        cli.addSubcommand(new AgentCommand(launcher));
        cli.addSubcommand(new ServiceCommand(launcher));
        cli.addSubcommand(new TrayCommand(paths.socket(), Adapters::userProxyOfThisSession, exit -> new DeskActions(paths, exit)));
        cli.addSubcommand(new MachineDataCommands.CopyProfiles());
        cli.addSubcommand(new MachineDataCommands.RemoveData());
        cli.addSubcommand(new CheckCommand(paths.install()));
        cli.addSubcommand(new SimulateCommand());
        cli.addSubcommand(new RecordCommand());
        cli.addSubcommand(new io.github.wuproxy.cli.ExplainCommand());
        cli.addSubcommand(DiagnoseCommand.forThisMachine(paths));
        AgentCommands.addTo(cli, paths::socket);
        ProxyCommands.addTo(cli, new LocalMachine(paths));
        cli.addSubcommand(new RestoreCommand(() -> Adapters.forThisMachine(paths, AgentSettings.defaults()).store(), new FileStateStore(paths.state())));
        cli.setExecutionExceptionHandler(new UnexpectedFailure());
        return cli;
    }
}
