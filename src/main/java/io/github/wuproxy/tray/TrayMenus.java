package io.github.wuproxy.tray;

import io.github.wuproxy.core.profile.ProfileKind;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the tray menu from one caller's view of the agent: its status, the profiles, and what the caller may do. */
public final class TrayMenus {
    public static final String AUTOMATIC = "auto";
    public static final String KEEP = "keep";
    public static final String SYNC = "sync";
    public static final String SCAN = "scan";
    /** Remember ids are this prefix and the profile's name. */
    public static final String REMEMBER = "remember:";
    /** The offer to keep a remembered choice a higher rule overrode: this prefix and the profile's name. */
    public static final String KEEP_REMEMBERED = "keep-remembered:";
    public static final String PAUSE = "pause";
    public static final String RESUME = "resume";
    public static final String OPEN_PROFILES = "open-profiles";
    public static final String OPEN_LOGS = "open-logs";
    public static final String DIAGNOSE = "diagnose";
    public static final String ABOUT = "about";
    public static final String EXIT = "exit";
    /** The line that says what the user's own proxy is and why; never enabled. */
    public static final String USER_PROXY = "user-proxy";
    /** Choice ids of profiles are this prefix and the profile's name. */
    public static final String PROFILE = "profile:";
    /** The greyed line that says why profiles cannot be chosen now. */
    public static final String CHOOSE_OFF = "choose-off";
    /** The longest tooltip Windows shows (NOTIFYICONDATA.szTip has 128 characters; dorkbox keeps 64). */
    static final int TOOLTIP = 64;

    private TrayMenus() {}

    /** A network just remembered as {@code profile} where another profile's rule still wins: offered to keep. */
    public record KeepOffer(String profile, String network) {}

    public static TrayMenu build(AgentView view, Optional<String> actionFailure, ZoneId zone) {
        return build(view, actionFailure, zone, Optional.empty());
    }

    /**
     * The menu for one caller's view of the agent.
     *
     * @param actionFailure what went wrong with the user's last click, shown until the next view
     */
    public static TrayMenu build(AgentView view, Optional<String> actionFailure, ZoneId zone, Optional<KeepOffer> keepOffer) {
        if (view.status().isEmpty()) {
            String line = view.unavailable().map(why -> TrayTexts.get("status.problem", why)).orElse(TrayTexts.get("status.starting"));
            return new TrayMenu(shorten(line, 80), TrayTexts.get(view.unavailable().isPresent() ? "tooltip.notRunning" : "tooltip.starting"),
                    view.unavailable().isPresent() ? TrayMenu.Icon.PROBLEM : TrayMenu.Icon.CUSTOM, "",
                    List.of(action(EXIT, "menu.exitOnly", "")));
        }
        AgentStatus s = view.status().get();
        AgentView.Rights rights = view.rights();
        String chooseReason = s.paused() ? TrayTexts.get("why.paused")
                : rights.managed().isPresent() ? TrayTexts.get("why.managed") : rights.choose() ? "" : TrayTexts.get("why.mayNotChoose");
        boolean mayChoose = chooseReason.isEmpty();
        List<TrayMenu.Item> items = new ArrayList<>();
        if (!mayChoose) {
            items.add(new TrayMenu.Action(CHOOSE_OFF, TrayTexts.get("menu.chooseOff", chooseReason), false, chooseReason));
        }
        items.add(new TrayMenu.Choice(AUTOMATIC, TrayTexts.get("menu.automatic"), !s.manualChoice(), mayChoose));
        for (AgentView.Offer p : view.profiles()) {
            boolean enabled = mayChoose && p.refused().isEmpty();
            // only the organisation's policy refuses a profile, and the profiles it allows are the ones enabled
            String label = mayChoose && p.refused().isPresent() ? TrayTexts.get("menu.disabled", p.name(), TrayTexts.get("why.managed")) : p.name();
            items.add(new TrayMenu.Choice(PROFILE + p.name(), label, s.manualChoice() && p.name().equals(s.profile()), enabled));
        }
        String keepReason = !mayChoose ? "" : s.manualChoice() ? "" : TrayTexts.get("why.manualFirst");
        items.add(new TrayMenu.Choice(KEEP, labelled("menu.keep", keepReason), s.sticky(), s.manualChoice() && mayChoose));
        items.add(new TrayMenu.Separator());
        UserProxyStatus user = s.userProxy();
        if (user.wanted().isPresent() || user.held().isPresent()) {
            items.add(new TrayMenu.Action(USER_PROXY, shorten(TrayTexts.get("menu.userProxy", TrayTexts.userProxy(user)), 120), false,
                    TrayTexts.reason(user.reason())));
        }
        String syncReason = s.paused() ? TrayTexts.get("why.paused") : rights.choose() ? "" : TrayTexts.get("why.mayNotSync");
        items.add(action(SYNC, "menu.sync", syncReason));
        items.add(action(SCAN, "menu.scan", syncReason));
        String rememberReason = rights.admin() ? "" : TrayTexts.get("why.adminsEditProfiles");
        List<TrayMenu.Item> remember = new ArrayList<>();
        for (AgentView.Offer p : view.profiles()) {
            remember.add(new TrayMenu.Action(REMEMBER + p.name(), p.name(), rights.admin(), rememberReason));
        }
        items.add(new TrayMenu.Submenu(labelled("menu.remember", rememberReason), remember, rights.admin(), rememberReason));
        keepOffer.ifPresent(offer -> items.add(new TrayMenu.Action(KEEP_REMEMBERED + offer.profile(),
                withReason(TrayTexts.get("menu.keepRemembered", offer.profile()), rememberReason), rights.admin(), rememberReason)));
        String pauseReason = rights.managed().isPresent() ? TrayTexts.get("why.managed") : rights.admin() ? "" : TrayTexts.get("why.adminsPause");
        items.add(action(s.paused() ? RESUME : PAUSE, s.paused() ? "menu.resume" : "menu.pause", pauseReason));
        items.add(new TrayMenu.Separator());
        items.add(action(OPEN_PROFILES, "menu.openProfiles", ""));
        items.add(action(OPEN_LOGS, "menu.openLogs", ""));
        items.add(action(DIAGNOSE, "menu.diagnose", ""));
        items.add(action(ABOUT, "menu.about", ""));
        items.add(action(EXIT, "menu.exit", ""));

        Optional<String> problem = actionFailure.or(() -> s.problems().stream().reduce((a, b) -> b)
                .map(p -> s.problems().size() > 1 ? TrayTexts.get("status.moreProblems", TrayTexts.headline(p.problem()), s.problems().size() - 1)
                        : TrayTexts.headline(p.problem())));
        String proxy = s.held().map(d -> d instanceof UpdateProxy.Fixed f ? f.server() : d.describe()).orElse(TrayTexts.get("proxy.unknown"));
        String line = TrayTexts.get("status.line", s.profile(), TrayTexts.reason(s.reason()));
        line = rights.managed().isPresent() ? TrayTexts.get("status.managed", line) : line;
        line = s.paused() ? TrayTexts.get("status.paused", line) : line;
        String statusLine = problem.map(p -> TrayTexts.get("status.problem", p)).orElse(line);
        String sync = s.lastSync().map(t -> DateTimeFormatter.ofPattern(TrayTexts.get("time.pattern")).withZone(zone).format(t))
                .orElse(TrayTexts.get("sync.notYet"));
        String you = user.wanted().isEmpty() ? "" : TrayTexts.get("tooltip.you", user.held().map(TrayMenus::brief).orElse("?"));
        String tooltip = shorten(TrayTexts.get("tooltip.line", s.profile(), s.paused() ? TrayTexts.get("tooltip.paused") : "", proxy + you, sync),
                TOOLTIP);
        return new TrayMenu(shorten(statusLine, 80), tooltip, icon(s, view.profiles(), problem.isPresent()), s.profile(), items);
    }

    /** An action whose label says why it is greyed, when {@code disabledReason} is not empty. */
    private static TrayMenu.Action action(String id, String labelKey, String disabledReason) {
        return new TrayMenu.Action(id, labelled(labelKey, disabledReason), disabledReason.isEmpty(), disabledReason);
    }

    private static String labelled(String labelKey, String disabledReason) {
        return withReason(TrayTexts.get(labelKey), disabledReason);
    }

    private static String withReason(String label, String disabledReason) {
        return disabledReason.isEmpty() ? label : TrayTexts.get("menu.disabled", label, disabledReason);
    }

    static TrayMenu.Icon icon(AgentStatus status, List<AgentView.Offer> profiles, boolean problem) {
        if (problem) {
            return TrayMenu.Icon.PROBLEM;
        }
        if (status.paused()) {
            return TrayMenu.Icon.PAUSED;
        }
        ProfileKind kind = profiles.stream().filter(p -> p.name().equals(status.profile())).map(AgentView.Offer::kind).findFirst()
                .orElse(ProfileKind.CUSTOM);
        return switch (kind) {
            case CORPORATE -> TrayMenu.Icon.CORPORATE;
            case DIRECT -> TrayMenu.Icon.DIRECT;
            case MOBILE -> TrayMenu.Icon.MOBILE;
            case CUSTOM -> TrayMenu.Icon.CUSTOM;
        };
    }

    /** The user's settings in a word or a server, for the tooltip. */
    static String brief(UserProxySettings settings) {
        return switch (settings.mode()) {
            case DIRECT -> TrayTexts.get("brief.direct");
            case FIXED -> settings.manual().orElseThrow().server();
            case PAC -> TrayTexts.get("brief.script");
            case AUTO_DETECT -> TrayTexts.get("brief.autoDetect");
        };
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
