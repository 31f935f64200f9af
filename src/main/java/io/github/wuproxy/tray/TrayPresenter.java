package io.github.wuproxy.tray;

import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentApi;
import io.github.wuproxy.port.AgentRefusal;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import io.github.wuproxy.port.Remembered;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one tray, for the agent's own process and for the service's: renders each view of the agent
 * it is subscribed to, notifies once per settled switch and once per problem (those already active
 * when it starts included), and carries out
 * clicks through the {@link AgentApi}, never on the tray's event thread.
 */
public final class TrayPresenter implements TrayActions, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrayPresenter.class);

    /** What the tray does on this desktop rather than in the agent. */
    public interface Desk {
        void openProfiles();

        void openLogs();

        /** Writes a diagnose report and opens it; returns where. */
        String diagnose() throws Exception;

        /** This wuproxy's version, for About. */
        String version();

        /** The user closed the tray (the agent keeps working). */
        void exit();
    }

    private final AgentApi agent;
    private final Desk desk;
    private final Notices notices;
    private final ZoneId zone;
    private final ExecutorService clicks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wuproxy-tray-click");
        t.setDaemon(true);
        return t;
    });
    private volatile UserProxyStep userProxy = status -> Optional.empty();
    private TrayView view;
    private AutoCloseable subscription;
    private volatile AgentView shown = AgentView.unavailable(TrayTexts.get("status.starting"));
    private volatile Optional<String> actionFailure = Optional.empty();
    private volatile Optional<TrayMenus.KeepOffer> keepOffer = Optional.empty();
    private Set<ProblemCode> announced = EnumSet.noneOf(ProblemCode.class);
    private Optional<String> lastFit = Optional.empty();
    private boolean first = true;

    public TrayPresenter(AgentApi agent, Desk desk, Notices notices, ZoneId zone) {
        this.agent = agent;
        this.desk = desk;
        this.notices = notices;
        this.zone = zone;
    }

    /** Sets the user's own proxy where a status wants it, in the user's session; says what went wrong, if anything. */
    public interface UserProxyStep {
        Optional<String> keep(AgentStatus status) throws Exception;
    }

    /** From now on, each status the tray shows (unless paused) is also handed to {@code step}, off the tray's event thread. */
    public void keepUserProxy(UserProxyStep step) {
        userProxy = step;
    }

    /** Shows the agent in {@code tray} from now on. */
    public void attach(TrayView tray) {
        view = tray;
        subscription = agent.subscribe(this::render);
    }

    synchronized void render(AgentView next) {
        shown = next;
        actionFailure = Optional.empty();
        next.status().ifPresent(this::notifyChanges);
        // The offer to keep a remembered choice lasts while the laptop stays on that network and the choice is not in force.
        keepOffer = keepOffer.filter(o -> next.status().filter(s -> s.network().equals(o.network()) && !s.profile().equals(o.profile())).isPresent());
        next.status().filter(s -> !s.paused()).ifPresent(status -> clicks.execute(() -> {
            try {
                userProxy.keep(status).ifPresent(this::failed);
            } catch (Exception e) {
                log.warn("could not keep your proxy settings: {}", e.toString());
                failed(TrayTexts.get("failed.userProxy", e.getMessage()));
            }
        }));
        if (view != null) {
            view.show(TrayMenus.build(next, actionFailure, zone, keepOffer));
        }
    }

    private void notifyChanges(AgentStatus status) {
        Set<ProblemCode> now = EnumSet.noneOf(ProblemCode.class);
        for (AgentStatus.ActiveProblem p : status.problems()) {
            now.add(p.problem().code());
            if (!announced.contains(p.problem().code())) {
                notices.problem(TrayTexts.headline(p.problem()));
            }
        }
        announced = now;
        Optional<String> fit = status.held().filter(h -> status.wanted().equals(Optional.of(h)))
                .map(h -> status.profile() + " " + h.describe());
        if (fit.isPresent() && !fit.equals(lastFit) && !first) {
            notices.switched(status.profile(), status.held().map(UpdateProxy::describe).orElseThrow(), TrayTexts.reason(status.reason()));
        }
        if (fit.isPresent()) {
            lastFit = fit;
        }
        first = false;
    }

    @Override
    public void selected(String id) {
        clicks.execute(() -> {
            try {
                carryOut(id);
            } catch (AgentRefusal e) {
                log.warn("{}: {}", id, e.getMessage());
                failed(TrayTexts.refusal(e));
            } catch (Exception e) {
                log.warn("could not {}: {}", id, e.toString());
                failed(e.getMessage() != null ? e.getMessage() : e.toString());
            }
        });
    }

    private void carryOut(String id) throws Exception {
        AgentStatus status = shown.status().orElse(null);
        if (id.startsWith(TrayMenus.PROFILE)) {
            agent.use(id.substring(TrayMenus.PROFILE.length()), status != null && status.sticky());
            return;
        }
        if (id.startsWith(TrayMenus.REMEMBER)) {
            String profile = id.substring(TrayMenus.REMEMBER.length());
            Remembered done = agent.remember(profile, false); // the agent logs what it did
            String network = status == null ? "" : status.network();
            if (done.stillApplies().isPresent()) {
                Remembered.Winner w = done.stillApplies().get();
                keepOffer = Optional.of(new TrayMenus.KeepOffer(profile, network));
                notices.info(TrayTexts.get("notice.overridden", w.profile()),
                        TrayTexts.get("notice.overriddenText", w.priority(), done.priority(), TrayTexts.get("menu.keepRemembered", profile), profile));
                show();
            } else {
                notices.info(TrayTexts.get("notice.rememberedTitle", profile), TrayTexts.get("notice.rememberedText", done.file()));
            }
            return;
        }
        if (id.startsWith(TrayMenus.KEEP_REMEMBERED)) {
            String profile = id.substring(TrayMenus.KEEP_REMEMBERED.length());
            Remembered done = agent.remember(profile, true);
            keepOffer = Optional.empty();
            notices.info(TrayTexts.get("notice.keptTitle", profile), TrayTexts.get("notice.keptText", done.priority()));
            show();
            return;
        }
        switch (id) {
            case TrayMenus.AUTOMATIC -> agent.auto();
            case TrayMenus.KEEP -> {
                if (status != null) {
                    agent.use(status.profile(), !status.sticky());
                }
            }
            case TrayMenus.SYNC -> agent.sync();
            case TrayMenus.SCAN -> log.info("{}", agent.scan());
            case TrayMenus.PAUSE -> agent.pause();
            case TrayMenus.RESUME -> agent.resume();
            case TrayMenus.OPEN_PROFILES -> desk.openProfiles();
            case TrayMenus.OPEN_LOGS -> desk.openLogs();
            case TrayMenus.DIAGNOSE -> {
                String file = desk.diagnose();
                log.info("diagnosis written to {}", file);
                notices.info(TrayTexts.get("notice.diagnosed", file), "");
            }
            case TrayMenus.ABOUT -> notices.info(TrayTexts.get("notice.aboutTitle", desk.version()), TrayTexts.get("notice.aboutText"));
            case TrayMenus.EXIT -> desk.exit();
            default -> log.warn("unknown tray item {}", id);
        }
    }

    private synchronized void show() {
        if (view != null) {
            view.show(TrayMenus.build(shown, actionFailure, zone, keepOffer));
        }
    }

    private synchronized void failed(String why) {
        actionFailure = Optional.of(why);
        notices.info(TrayTexts.get("notice.failedTitle"), why);
        show();
    }

    @Override
    public void close() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            log.debug("closing the subscription: {}", e.toString());
        }
        clicks.shutdownNow();
        if (view != null) {
            view.close();
        }
    }
}
