package io.github.wuproxy.app;

import io.github.wuproxy.cli.AgentLauncher;
import io.github.wuproxy.cli.Version;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.Configuration;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.ipc.HandedOverUserProxySource;
import io.github.wuproxy.ipc.IpcPolicy;
import io.github.wuproxy.ipc.IpcServer;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.state.FileStateStore;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.tray.DesktopNotifications;
import io.github.wuproxy.tray.TrayPresenter;
import io.github.wuproxy.tray.TrayView;
import java.time.ZoneId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running agent: the engine, its local channel and, in the standalone agent, its tray. Shared by `agent` and `service`. */
final class AgentRuntime implements AgentLauncher.RunningAgent {
    private final Agent agent;
    private final Optional<TrayPresenter> tray;
    private final IpcServer channel;
    private final Logger log;
    private final io.github.wuproxy.port.EventLog events;
    private final FileStateStore.Lock lock;

    private AgentRuntime(Agent agent, IpcServer channel, Optional<TrayPresenter> tray, Logger log, io.github.wuproxy.port.EventLog events,
            FileStateStore.Lock lock) {
        this.agent = agent;
        this.tray = tray;
        this.channel = channel;
        this.log = log;
        this.events = events;
        this.lock = lock;
    }

    static AgentRuntime start(AgentPaths machinePaths, boolean withTray, String role) throws Exception {
        // before anything of the machine is read or written: a trusted data folder, then the single-instance lock
        FileStateStore state = new FileStateStore(machinePaths.state());
        FileStateStore.Lock lock = machinePaths.claim(role, state);
        try {
            return start(machinePaths, withTray, role, state, lock);
        } catch (Exception | Error e) {
            lock.close();
            throw e;
        }
    }

    private static AgentRuntime start(AgentPaths machinePaths, boolean withTray, String role, FileStateStore state, FileStateStore.Lock lock)
            throws Exception {
        io.github.wuproxy.port.Policy policy = Adapters.policy();
        AgentPaths paths = machinePaths.withPolicy(policy);
        Configuration configuration;
        try {
            configuration = Configuration.load(paths.agentConf(), paths.profileFolders());
        } catch (ProfileException e) {
            throw new AgentLauncher.StartFailure(e.getMessage() + "\nThe " + role + " did not start. Fix the problems above (`wuproxy check` lists them), "
                    + "then start it again.", true);
        }
        AgentSettings settings = configuration.settings().withPolicy(policy);
        ProfileSet profiles = configuration.profiles();
        configureLogging(paths, settings);
        Logger log = LoggerFactory.getLogger(AgentRuntime.class);
        Adapters adapters;
        try {
            adapters = Adapters.forThisMachine(paths, settings);
        } catch (StoreException e) {
            throw new AgentLauncher.StartFailure(e.getMessage(), false);
        }
        Optional<HandedOverUserProxySource> handedOver = Optional.empty();
        Optional<io.github.wuproxy.windows.WinInetUserProxyWriter> machineUser = Optional.empty();
        if (role.equals("service") && Adapters.machineWideUserProxy()) {
            machineUser = Optional.of(Adapters.machineUserProxy()); // ProxySettingsPerUser = 0: the service reads and keeps them
            adapters = adapters.withUser(machineUser.get());
        } else if (role.equals("service") && Adapters.isWindows()) {
            handedOver = Optional.of(new HandedOverUserProxySource());
            adapters = adapters.withUser(handedOver.get());
        }
        log.info("wuproxy {} {} starting with the {}; state in {}, logs in {}", Version.current(), role, adapters.description(),
                paths.state(), paths.logs());
        log.info("profiles: {} (fallback {})", String.join(", ", profiles.all().stream().map(p -> p.name()).toList()),
                profiles.fallback().name());
        var events = Adapters.eventLog();
        var hub = new StatusHub(new ProblemJournal(paths.problems(), new EventLogNotifier(new LoggingNotifier(), events),
                java.time.Clock.systemUTC()));
        Agent agent = Agent.start(adapters, state, hub, profiles, settings.engine());
        machineUser.ifPresent(writer -> hub.subscribe(new MachineUserProxy(
                new io.github.wuproxy.engine.UserProxyKeeper(writer, new io.github.wuproxy.state.FileUserProxyBackups(paths.state())), agent::post)));
        var actions = new AgentActions(agent, paths, adapters.scanner(), policy, Adapters::policy);
        var api = new LocalAgentApi(agent, actions, hub, true);
        Optional<TrayPresenter> tray = Optional.empty();
        if (withTray) {
            TrayPresenter[] self = new TrayPresenter[1];
            var presenter = new TrayPresenter(api, new DeskActions(paths, () -> self[0].close()),
                    new DesktopNotifications(settings.notifications()), ZoneId.systemDefault());
            self[0] = presenter;
            Optional<TrayView> view = TrayView.start(presenter);
            view.ifPresent(presenter::attach);
            tray = view.map(v -> presenter);
        }
        IpcServer channel;
        try {
            channel = IpcServer.start(paths.socket(), IpcPolicy.ownerOnly(System.getProperty("user.name")), actions::policy,
                    new AgentIpcHandler(api, agent, handedOver).operations(), Adapters.accountNames(), Adapters.socketAccess());
        } catch (IOException e) {
            tray.ifPresent(TrayPresenter::close);
            agent.close();
            throw new AgentLauncher.StartFailure("The " + role + " did not start: " + e.getMessage(), false);
        }
        hub.subscribe(new ChannelNotifier(channel, agent::profiles));
        log.info("listening for wuproxy's commands and trays (status, use, remember, pause, resume, sync, reload, scan) at {}", paths.socket());
        events.record(new io.github.wuproxy.port.EventLog.AgentEvent(io.github.wuproxy.port.EventLog.AgentEvent.STARTED,
                io.github.wuproxy.port.EventLog.AgentEvent.Level.INFORMATION, "wuproxy " + Version.current() + " " + role + " started with "
                        + adapters.description() + "; profiles " + String.join(", ", profiles.all().stream().map(p -> p.name()).toList())));
        // Start-up's garbage, collected once: with the launchers' heap options the heap then gives its pages back.
        System.gc();
        return new AgentRuntime(agent, channel, tray, log, events, lock);
    }

    @Override
    public void suspend() {
        agent.post(SyncEngine::suspend);
    }

    @Override
    public void resume() {
        agent.post(SyncEngine::resume);
    }

    @Override
    public void sessionChanged() {
        agent.post(SyncEngine::syncNow);
    }

    /**
     * Before the first logger: the agent logs into its log folder as agent/logback.xml says; LogbackSetup
     * does that in code while the file is the shipped one, logback parses it once a user has edited it.
     */
    private static void configureLogging(AgentPaths paths, AgentSettings settings) {
        System.setProperty("wuproxy.logs", paths.logs().toString());
        System.setProperty("wuproxy.log.level", settings.logLevel());
        if (editedLogbackXml(paths.logbackConf()) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", paths.logbackConf().toString());
        }
    }

    /** Whether the file exists and differs from the shipped agent/logback.xml (line ends aside). */
    static boolean editedLogbackXml(Path file) {
        try (var shipped = AgentRuntime.class.getResourceAsStream("shipped/logback.xml")) {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            String ours = new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
            return !Files.readString(file).replace("\r\n", "\n").equals(ours);
        } catch (IOException | RuntimeException e) {
            return true; // unreadable or odd: logback reads it and reports what is wrong
        }
    }

    @Override
    public void close() {
        log.info("wuproxy stopping");
        tray.ifPresent(TrayPresenter::close);
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing the local channel: {}", e.getMessage());
        }
        agent.close();
        events.record(new io.github.wuproxy.port.EventLog.AgentEvent(io.github.wuproxy.port.EventLog.AgentEvent.STOPPED,
                io.github.wuproxy.port.EventLog.AgentEvent.Level.INFORMATION, "wuproxy stopped"));
        lock.close();
    }
}
