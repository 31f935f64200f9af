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
    /** The longest tooltip Windows shows (NOTIFYICONDATA.szTip has 128 characters; dorkbox keeps 64). */
    static final int TOOLTIP = 64;

    private TrayMenus() {}

    /**
     * The menu for one caller's view of the agent.
     *
     * @param actionFailure what went wrong with the user's last click, shown until the next view
     */
    public static TrayMenu build(AgentView view, Optional<String> actionFailure, ZoneId zone) {
        if (view.status().isEmpty()) {
            String line = view.unavailable().map(why -> "Problem: " + why).orElse("wuproxy is starting…");
            return new TrayMenu(shorten(line, 80), view.unavailable().isPresent() ? "wuproxy: not running" : "wuproxy: starting",
                    view.unavailable().isPresent() ? TrayMenu.Icon.PROBLEM : TrayMenu.Icon.CUSTOM,
                    List.of(new TrayMenu.Action(EXIT, "Exit", true, "")));
        }
        AgentStatus s = view.status().get();
        AgentView.Rights rights = view.rights();
        String chooseReason = s.paused() ? "paused" : rights.managed().orElse(rights.choose() ? "" : "you may not choose profiles");
        boolean mayChoose = chooseReason.isEmpty();
        List<TrayMenu.Item> items = new ArrayList<>();
        items.add(new TrayMenu.Choice(AUTOMATIC, "Automatic", !s.manualChoice(), mayChoose));
        for (AgentView.Offer p : view.profiles()) {
            items.add(new TrayMenu.Choice(PROFILE + p.name(), p.name(), s.manualChoice() && p.name().equals(s.profile()),
                    mayChoose && p.refused().isEmpty()));
        }
        items.add(new TrayMenu.Choice(KEEP, "Keep this choice on every network", s.sticky(), s.manualChoice() && mayChoose));
        items.add(new TrayMenu.Separator());
        UserProxyStatus user = s.userProxy();
        if (user.wanted().isPresent() || user.held().isPresent()) {
            items.add(new TrayMenu.Action(USER_PROXY, shorten("Your proxy: " + user.describe(), 120), false, user.why()));
        }
        String syncReason = s.paused() ? "paused" : rights.choose() ? "" : "you may not sync";
        items.add(new TrayMenu.Action(SYNC, "Sync now", syncReason.isEmpty(), syncReason));
        items.add(new TrayMenu.Action(SCAN, "Check for updates now", syncReason.isEmpty(), syncReason));
        List<TrayMenu.Item> remember = new ArrayList<>();
        for (AgentView.Offer p : view.profiles()) {
            remember.add(new TrayMenu.Action(REMEMBER + p.name(), p.name(), rights.admin(), "only administrators may edit profiles"));
        }
        items.add(new TrayMenu.Submenu("Remember this network as", remember, rights.admin(), "only administrators may edit profiles"));
        boolean mayPause = rights.admin() && rights.managed().isEmpty();
        String pauseReason = rights.managed().isPresent() ? "managed by your organisation" : "only administrators may pause wuproxy";
        items.add(s.paused() ? new TrayMenu.Action(RESUME, "Resume", mayPause, pauseReason)
                : new TrayMenu.Action(PAUSE, "Pause", mayPause, pauseReason));
        items.add(new TrayMenu.Separator());
        items.add(new TrayMenu.Action(OPEN_PROFILES, "Open profiles folder", true, ""));
        items.add(new TrayMenu.Action(OPEN_LOGS, "Open log folder", true, ""));
        items.add(new TrayMenu.Action(DIAGNOSE, "Diagnose…", true, ""));
        items.add(new TrayMenu.Action(ABOUT, "About wuproxy", true, ""));
        items.add(new TrayMenu.Action(EXIT, "Exit (wuproxy keeps working)", true, ""));

        Optional<String> problem = actionFailure.or(() -> s.problems().stream().reduce((a, b) -> b)
                .map(p -> p.problem().headline() + (s.problems().size() > 1 ? " (+" + (s.problems().size() - 1) + " more)" : "")));
        String proxy = s.held().map(d -> d instanceof UpdateProxy.Fixed f ? f.server() : d.describe()).orElse("unknown");
        String statusLine = problem.map(p -> "Problem: " + p)
                .orElse((s.paused() ? "Paused — " : "") + (rights.managed().isPresent() ? "Managed — " : "") + s.profile() + ": " + s.why());
        String sync = s.lastSync().map(t -> DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(t)).orElse("not yet");
        String you = user.wanted().isEmpty() ? "" : ", you " + user.held().map(TrayMenus::brief).orElse("?");
        String tooltip = shorten("wuproxy " + s.profile() + (s.paused() ? " (paused)" : "") + ", WU " + proxy + you + ", synced " + sync, TOOLTIP);
        return new TrayMenu(shorten(statusLine, 80), tooltip, icon(s, view.profiles(), problem.isPresent()), items);
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
            case DIRECT -> "direct";
            case FIXED -> settings.manual().orElseThrow().server();
            case PAC -> "script";
            case AUTO_DETECT -> "auto-detect";
        };
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
