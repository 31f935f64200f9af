package io.github.wuproxy.app;

import io.github.wuproxy.cli.ExitCodes;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wuproxy agent}: the engine, its channel and a tray in one process, in the foreground until Ctrl-C. */
@Command(name = "agent", description = "Run the agent in the foreground: watch the network and keep the Windows Update proxy right.")
final class AgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "Run without a tray icon")
    boolean headless;

    @Override
    public Integer call() throws Exception {
        return runUntilStopped(spec, !headless, "agent");
    }

    static int runUntilStopped(CommandSpec spec, boolean withTray, String role) throws Exception {
        AgentRuntime runtime;
        try {
            runtime = AgentRuntime.start(AgentPaths.detect(Adapters.isWindows()), withTray, role);
        } catch (AgentRuntime.StartFailure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.badInput() ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "wuproxy-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
