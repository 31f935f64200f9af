package io.github.wuproxy.app;

import io.github.wuproxy.cli.ExitCodes;
import io.github.wuproxy.cli.Version;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.Configuration;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.ipc.IpcPolicy;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.state.FileStateStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wuproxy agent}: the engine in the foreground, until Ctrl-C. */
@Command(name = "agent", description = "Run the agent in the foreground: watch the network and keep the Windows Update proxy right.")
final class AgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--headless", description = "Run without a tray icon")
    boolean headless;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        AgentPaths paths = AgentPaths.detect(Adapters.isWindows());
        AgentSettings settings;
        ProfileSet profiles;
        try {
            Configuration configuration = Configuration.load(paths.agentConf(), paths.profileFolders());
            settings = configuration.settings();
            profiles = configuration.profiles();
        } catch (ProfileException e) {
            e.problems().forEach(err::println);
            err.println("The agent did not start. Fix the problems above (`wuproxy check` lists them), then start it again.");
            return ExitCodes.BAD_INPUT;
        }
        configureLogging(paths, settings);
        Logger log = LoggerFactory.getLogger(AgentCommand.class);
        Adapters adapters;
        try {
            adapters = Adapters.forThisMachine(paths, settings);
        } catch (io.github.wuproxy.port.StoreException e) {
            err.println(e.getMessage());
            return ExitCodes.FAILURE;
        }
        log.info("wuproxy {} agent starting with the {}; state in {}, logs in {}", Version.current(), adapters.description(),
                paths.state(), paths.logs());
        log.info("profiles: {} (fallback {})", String.join(", ", profiles.all().stream().map(p -> p.name()).toList()),
                profiles.fallback().name());
        var stopped = new CountDownLatch(1);
        var tray = new TrayController(profiles.all(), paths);
        Agent agent = Agent.start(adapters, new FileStateStore(paths.state()), tray, profiles, settings);
        tray.attach(agent, headless ? java.util.Optional.empty() : io.github.wuproxy.tray.DorkboxTrayView.start(tray));
        IpcServer channel;
        try {
            channel = IpcServer.start(paths.socket(), IpcPolicy.ownerOnly(System.getProperty("user.name")),
                    new AgentIpcHandler(agent, a -> reload(a, paths)));
        } catch (java.io.IOException e) {
            agent.close();
            err.println("The agent did not start: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        log.info("listening for wuproxy status, use, pause, resume, sync and reload at {}", paths.socket());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("wuproxy agent stopping");
            try {
                channel.close();
            } catch (java.io.IOException e) {
                log.warn("closing the local channel: {}", e.getMessage());
            }
            agent.close();
            stopped.countDown();
        }, "wuproxy-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** A broken file never replaces the last good set: the caller gets every problem instead. */
    private static void reload(Agent agent, AgentPaths paths) throws IpcServer.IpcRefusal {
        try {
            Configuration configuration = Configuration.load(paths.agentConf(), paths.profileFolders());
            agent.post(engine -> engine.reload(configuration.profiles(), configuration.settings()));
        } catch (ProfileException e) {
            throw new IpcServer.IpcRefusal("the profiles were not reloaded; the running ones stay. Problems:\n" + e.getMessage());
        }
    }

    /** Before the first logger: the agent logs with agent/logback.xml into its log folder. */
    private static void configureLogging(AgentPaths paths, AgentSettings settings) {
        System.setProperty("wuproxy.logs", paths.logs().toString());
        System.setProperty("wuproxy.log.level", settings.logLevel());
        if (Files.isRegularFile(paths.logbackConf()) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", paths.logbackConf().toString());
        }
    }
}
