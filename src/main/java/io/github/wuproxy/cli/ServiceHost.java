package io.github.wuproxy.cli;

/** The operating system's service manager, as {@code wuproxy service} needs it; the composition root knows which. */
public interface ServiceHost {
    /** Whether services are registered by wuproxy here (Windows); elsewhere systemd and the like start {@code wuproxy service}. */
    boolean registersServices();

    /** Registers the service, or brings an existing one up to date, and starts it; throws IllegalStateException saying why not. */
    void install();

    void uninstall();

    /** Runs the agent under the service manager until it is stopped; false when this process was not started by it. */
    boolean runAsService(AgentLauncher launcher) throws Exception;
}
