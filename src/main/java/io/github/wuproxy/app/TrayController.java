package io.github.wuproxy.app;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.SyncStatus;
import io.github.wuproxy.tray.DesktopNotifications;
import io.github.wuproxy.tray.TrayView;
import io.github.wuproxy.tray.TrayActions;
import io.github.wuproxy.tray.TrayMenus;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tray of the standalone agent: shows the engine's status and carries out the user's clicks. */
final class TrayController implements Notifier, TrayActions {
    private static final Logger log = LoggerFactory.getLogger(TrayController.class);
    private final Notifier logging = new LoggingNotifier();
    private final List<TrayMenus.Entry> profiles;
    private final AgentPaths paths;
    private volatile Optional<SyncStatus> status = Optional.empty();
    private volatile Optional<String> problem = Optional.empty();
    private volatile Optional<TrayView> view = Optional.empty();
    private volatile Agent agent;
    private volatile AgentActions actions;
    private volatile DesktopNotifications notifications = new DesktopNotifications(false);

    private final io.github.wuproxy.port.Policy policy;

    TrayController(List<Profile> profiles, AgentPaths paths, io.github.wuproxy.port.Policy policy) {
        this.profiles = TrayMenus.Entry.of(profiles);
        this.paths = paths;
        this.policy = policy;
    }

    void attach(Agent running, AgentActions agentActions, Optional<TrayView> tray, boolean notify) {
        agent = running;
        actions = agentActions;
        view = tray;
        notifications = new DesktopNotifications(notify && tray.isPresent());
        refresh();
    }

    private void refresh() {
        view.ifPresent(v -> v.show(TrayMenus.build(status, profiles, true, problem, ZoneId.systemDefault(), policy)));
    }

    @Override
    public void status(SyncStatus update) {
        logging.status(update);
        status = Optional.of(update);
        refresh();
    }

    @Override
    public void applied(AppliedChange change) {
        logging.applied(change);
        notifications.switched(change.profile(), change.after().describe(), change.why());
    }

    @Override
    public void problem(Problem reported) {
        logging.problem(reported);
        problem = Optional.of(reported.headline());
        notifications.problem(reported.headline());
        refresh();
    }

    @Override
    public void cleared(ProblemCode code) {
        logging.cleared(code);
        problem = Optional.empty();
        refresh();
    }

    @Override
    public void selected(String id) {
        boolean sticky = status.map(s -> s.basis().equals("sticky")).orElse(false);
        String current = status.map(SyncStatus::profile).orElse("");
        if (id.startsWith(TrayMenus.REMEMBER)) {
            String name = id.substring(TrayMenus.REMEMBER.length());
            inBackground("remember this network", () -> actions.remember(name));
            return;
        }
        if (id.startsWith(TrayMenus.PROFILE)) {
            String name = id.substring(TrayMenus.PROFILE.length());
            agent.post(engine -> engine.use(name, sticky));
            return;
        }
        switch (id) {
            case TrayMenus.AUTOMATIC -> agent.post(SyncEngine::useAutomatic);
            case TrayMenus.KEEP -> agent.post(engine -> engine.use(current, !sticky));
            case TrayMenus.SYNC -> agent.post(SyncEngine::syncNow);
            case TrayMenus.SCAN -> inBackground("check for updates", actions::scanNow);
            case TrayMenus.PAUSE -> agent.post(engine -> engine.setPaused(true));
            case TrayMenus.RESUME -> agent.post(engine -> engine.setPaused(false));
            case TrayMenus.OPEN_PROFILES -> open(paths.install().resolve("profiles"));
            case TrayMenus.OPEN_LOGS -> open(paths.logs());
            case TrayMenus.DIAGNOSE -> inBackground("diagnose", DiagnoseCommand::toFileAndOpen);
            case TrayMenus.ABOUT -> log.info("wuproxy {}: keeps the Windows Update proxy in step with the network",
                    io.github.wuproxy.cli.Version.current());
            case TrayMenus.EXIT -> view.ifPresent(v -> {
                v.close();
                view = Optional.empty();
                log.info("tray closed; the agent keeps working");
            });
            default -> log.warn("unknown tray item {}", id);
        }
    }

    /** Off the tray's event thread, which must never block; failures become a problem line in the tray. */
    private void inBackground(String what, java.util.concurrent.Callable<String> work) {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                log.info("{}", work.call());
            } catch (Exception e) {
                log.warn("could not {}: {}", what, e.getMessage());
                problem = Optional.of("Could not " + what + ": " + e.getMessage());
                refresh();
            }
        });
    }

    /** Opens a folder or a file with the desktop's own program. */
    static void open(Path folder) {
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
            }
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(folder.toFile());
            } else {
                log.info("open {} (this desktop cannot open folders)", folder);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("could not open {}: {}", folder, e.getMessage());
        }
    }
}
