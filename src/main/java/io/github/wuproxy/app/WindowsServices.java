package io.github.wuproxy.app;

import io.github.wuproxy.cli.AgentLauncher;
import io.github.wuproxy.cli.ServiceHost;
import io.github.wuproxy.windows.ServiceControls;
import io.github.wuproxy.windows.ServiceInstaller;
import io.github.wuproxy.windows.WindowsServiceHost;
import java.nio.file.Path;

/** The Windows Service Control Manager behind {@code wuproxy service}; elsewhere nothing is registered. */
final class WindowsServices implements ServiceHost {
    private final boolean windows;
    private final AgentPaths paths;

    WindowsServices(boolean windows, AgentPaths paths) {
        this.windows = windows;
        this.paths = paths;
    }

    @Override
    public boolean registersServices() {
        return windows;
    }

    @Override
    public void install() {
        ServiceInstaller.install(serviceCommandLine(Path.of(System.getProperty("java.home")), paths.install(), AgentPaths.codeLocation()));
    }

    @Override
    public void uninstall() {
        ServiceInstaller.uninstall();
    }

    @Override
    public boolean runAsService(AgentLauncher launcher) throws Exception {
        return WindowsServiceHost.run(ServiceInstaller.NAME, new WindowsServiceHost.Body() {
            private AgentLauncher.RunningAgent running;

            @Override
            public AutoCloseable start() throws Exception {
                running = launcher.start(false, "service");
                return running;
            }

            @Override
            public void on(ServiceControls.Event event) {
                switch (event) {
                    case SUSPEND -> running.suspend();
                    case RESUME -> running.resume();
                    case USER_SESSION -> running.sessionChanged();
                    default -> { }
                }
            }
        });
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
