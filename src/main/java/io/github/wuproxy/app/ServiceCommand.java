package io.github.wuproxy.app;

import io.github.wuproxy.cli.AgentCommand;
import io.github.wuproxy.cli.AgentLauncher;
import io.github.wuproxy.cli.ExitCodes;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.windows.ServiceControls;
import io.github.wuproxy.windows.ServiceInstaller;
import io.github.wuproxy.windows.WindowsServiceHost;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wuproxy service [install|uninstall]}: the privileged service. On Windows it runs under the
 * Service Control Manager; elsewhere in the foreground without a tray (for systemd and the like).
 */
@Command(name = "service", description = {"Run the privileged service (on Windows as a Windows service).",
    "`service install` registers it (automatic start, restart on failure); `service uninstall` removes it."})
final class ServiceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "install|uninstall")
    String action;

    private final AgentLauncher launcher;

    ServiceCommand(AgentLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        if (action == null) {
            return run();
        }
        if (!Adapters.isWindows()) {
            spec.commandLine().getErr().println("`wuproxy service " + action + "` registers a Windows service; here run `wuproxy service` "
                    + "from your service manager (systemd, launchd) instead.");
            return ExitCodes.FAILURE;
        }
        try {
            switch (action) {
                case "install" -> {
                    ServiceInstaller.install(serviceCommandLine(Path.of(System.getProperty("java.home")), AgentPaths.detect(true).install(),
                            AgentPaths.codeLocation()));
                    spec.commandLine().getOut().println("Installed and started the wuproxy service (automatic start).");
                }
                case "uninstall" -> {
                    ServiceInstaller.uninstall();
                    spec.commandLine().getOut().println("Removed the wuproxy service. `wuproxy restore` puts the original proxy settings back.");
                }
                default -> {
                    spec.commandLine().getErr().println("unknown action \"" + action + "\": use install or uninstall");
                    return ExitCodes.BAD_INPUT;
                }
            }
            return ExitCodes.OK;
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.getMessage().contains("ERROR_ACCESS_DENIED") ? ExitCodes.WINDOWS_REFUSED : ExitCodes.FAILURE;
        }
    }

    private int run() throws Exception {
        if (!Adapters.isWindows()) {
            return AgentCommand.runUntilStopped(spec, launcher, false, "service");
        }
        AgentPaths paths = AgentPaths.detect(true);
        boolean ranAsService = WindowsServiceHost.run(ServiceInstaller.NAME, new WindowsServiceHost.Body() {
            private AgentRuntime runtime;

            @Override
            public AutoCloseable start() throws Exception {
                runtime = AgentRuntime.start(paths, false, "service");
                return runtime;
            }

            @Override
            public void on(ServiceControls.Event event) {
                switch (event) {
                    case SUSPEND -> runtime.post(SyncEngine::suspend);
                    case RESUME -> runtime.post(SyncEngine::resume);
                    case USER_SESSION -> runtime.post(SyncEngine::syncNow);
                    default -> { }
                }
            }
        });
        if (!ranAsService) {
            spec.commandLine().getErr().println("`wuproxy service` is started by Windows; install it with `wuproxy service install`, "
                    + "or run `wuproxy agent` in the foreground.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /**
     * The service's command line: java.exe of the runtime running this command (under a launcher
     * exe or jpackage's, "this process" is the launcher, which would take the JVM options as
     * arguments), the install folder, and the jar.
     */
    static String serviceCommandLine(Path javaHome, Path install, Path jar) {
        Path java = javaHome.resolve("bin").resolve("java.exe");
        if (!java.toFile().isFile()) {
            throw new IllegalStateException("the Java runtime running wuproxy has no " + java
                    + ", which the service needs; install a full Java 17 runtime (for example Eclipse Temurin) and run this again");
        }
        if (jar == null || !jar.toFile().isFile()) {
            throw new IllegalStateException("wuproxy is not running from wuproxy.jar (" + jar + "), so the service cannot be registered; "
                    + "run `wuproxy service install` from the installed wuproxy.exe");
        }
        try {
            return ServiceInstaller.commandLine(java.toString(), install.toString(), jar.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
