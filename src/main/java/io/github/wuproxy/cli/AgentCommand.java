package io.github.wuproxy.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wuproxy agent}: the engine, its channel and a tray in one process, in the foreground until Ctrl-C. */
@Command(name = "agent")
public final class AgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--headless")
    boolean headless;

    private final AgentLauncher launcher;

    public AgentCommand(AgentLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        return runUntilStopped(spec.commandLine().getErr(), launcher, !headless, "agent");
    }

    /** Runs the agent until the process is told to stop (Ctrl-C, SIGTERM, a service manager). */
    public static int runUntilStopped(java.io.PrintWriter err, AgentLauncher launcher, boolean withTray, String role) throws Exception {
        AutoCloseable running;
        try {
            running = launcher.start(withTray, role);
        } catch (AgentLauncher.StartFailure e) {
            err.println(e.getMessage());
            return e.badInput() ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(AgentCommand.class).warn("stopping: {}", e.toString());
            }
            stopped.countDown();
        }, "wuproxy-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
