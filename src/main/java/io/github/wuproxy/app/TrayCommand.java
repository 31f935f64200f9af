package io.github.wuproxy.app;

import io.github.wuproxy.cli.ExitCodes;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.sim.EnvironmentUserProxySource;
import io.github.wuproxy.tray.TrayView;
import io.github.wuproxy.windows.WinHttpUserProxySource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wuproxy tray}: the tray of a user's session, for a service started separately; started at logon. */
@Command(name = "tray", description = "Show the tray icon for the wuproxy service running on this machine (started at logon).")
final class TrayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AgentPaths paths = AgentPaths.detect(Adapters.isWindows());
        var user = Adapters.isWindows() ? WinHttpUserProxySource.open() : new EnvironmentUserProxySource(System.getenv());
        var remote = new RemoteTray(new IpcClient(paths.socket()), user, paths);
        var view = TrayView.start(remote);
        if (view.isEmpty()) {
            spec.commandLine().getErr().println("This session has no system tray (no display, or no tray host); the wuproxy service "
                    + "keeps working without one. `wuproxy status` shows what it does.");
            return ExitCodes.OK;
        }
        remote.run(view.get(), 5_000, 60_000);
        return ExitCodes.OK;
    }
}
