package io.github.wuproxy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wuproxy service [install|uninstall]}: the privileged service. On Windows it runs under the
 * Service Control Manager; elsewhere in the foreground without a tray (for systemd and the like).
 */
@Command(name = "service")
public final class ServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "install|uninstall", descriptionKey = "action")
    String action;

    private final AgentLauncher launcher;
    private final ServiceHost host;

    public ServiceCommand(AgentLauncher launcher, ServiceHost host) {
        this.launcher = launcher;
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        if (action == null) {
            return run(spec.commandLine().getErr(), launcher, host);
        }
        if (!action.equals("install") && !action.equals("uninstall")) {
            spec.commandLine().getErr().println(Texts.get("service.unknownAction", action));
            return ExitCodes.BAD_INPUT;
        }
        if (!host.registersServices()) {
            spec.commandLine().getErr().println(Texts.get("service.notWindows", action));
            return ExitCodes.BAD_INPUT;
        }
        try {
            switch (action) {
                case "install" -> {
                    host.install();
                    spec.commandLine().getOut().println(Texts.get("service.installed"));
                }
                case "uninstall" -> {
                    host.uninstall();
                    spec.commandLine().getOut().println(Texts.get("service.uninstalled"));
                }
                default -> throw new IllegalStateException("unreachable: " + action);
            }
            return ExitCodes.OK;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.getMessage().contains("ERROR_ACCESS_DENIED") ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
        }
    }

    /** {@code wuproxy service} without an action: runs the service until it is stopped. */
    public static int run(java.io.PrintWriter err, AgentLauncher launcher, ServiceHost host) throws Exception {
        if (!host.registersServices()) {
            return AgentCommand.runUntilStopped(err, launcher, false, "service");
        }
        if (!host.runAsService(launcher)) {
            err.println(Texts.get("service.startedByWindows"));
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
