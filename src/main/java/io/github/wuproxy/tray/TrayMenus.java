package io.github.wuproxy.tray;

import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileKind;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.SyncStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the tray menu from the agent's status, the profiles, and what the user may do. */
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
    /** Choice ids of profiles are this prefix and the profile's name. */
    public static final String PROFILE = "profile:";
    /** The longest tooltip Windows shows (NOTIFYICONDATA.szTip has 128 characters; dorkbox keeps 64). */
    static final int TOOLTIP = 64;

    private TrayMenus() {}

    /** A profile as the menu lists it. */
    public record Entry(String name, ProfileKind kind) {
        public static List<Entry> of(List<Profile> profiles) {
            return profiles.stream().map(p -> new Entry(p.name(), p.kind())).toList();
        }
    }

    /**
     * @param mayPause whether this user may pause and resume (administrators, unless policy says otherwise)
     * @param problem the headline of a problem the user has not seen fixed yet
     */
    public static TrayMenu build(Optional<SyncStatus> status, List<Entry> profiles, boolean mayPause, Optional<String> problem,
            ZoneId zone) {
        return build(status, profiles, mayPause, problem, zone, io.github.wuproxy.port.Policy.NONE);
    }

    /** @param policy what the organisation locked: such items are disabled, saying so */
    public static TrayMenu build(Optional<SyncStatus> status, List<Entry> profiles, boolean mayPause, Optional<String> problem,
            ZoneId zone, io.github.wuproxy.port.Policy policy) {
        if (status.isEmpty()) {
            return new TrayMenu("wuproxy is starting…", "wuproxy: starting", TrayMenu.Icon.CUSTOM,
                    List.of(new TrayMenu.Action(EXIT, "Exit", true, "")));
        }
        SyncStatus s = status.get();
        boolean manual = s.basis().equals("manual") || s.basis().equals("sticky");
        List<TrayMenu.Item> items = new ArrayList<>();
        items.add(new TrayMenu.Choice(AUTOMATIC, "Automatic", !manual, !s.paused() && !policy.locked()));
        for (Entry p : profiles) {
            items.add(new TrayMenu.Choice(PROFILE + p.name(), p.name(), manual && p.name().equals(s.profile()),
                    !s.paused() && policy.refusesChoiceOf(p.name()).isEmpty()));
        }
        items.add(new TrayMenu.Choice(KEEP, "Keep this choice on every network", s.basis().equals("sticky"),
                manual && !s.paused() && !policy.locked()));
        items.add(new TrayMenu.Separator());
        items.add(new TrayMenu.Action(SYNC, "Sync now", !s.paused(), "paused"));
        items.add(new TrayMenu.Action(SCAN, "Check for updates now", !s.paused(), "paused"));
        List<TrayMenu.Item> remember = new ArrayList<>();
        for (Entry p : profiles) {
            remember.add(new TrayMenu.Action(REMEMBER + p.name(), p.name(), mayPause, "only administrators may edit profiles"));
        }
        items.add(new TrayMenu.Submenu("Remember this network as", remember, mayPause, "only administrators may edit profiles"));
        boolean mayPauseNow = mayPause && !policy.locked();
        String pauseReason = policy.locked() ? "managed by your organisation" : "only administrators may pause wuproxy";
        items.add(s.paused() ? new TrayMenu.Action(RESUME, "Resume", mayPauseNow, pauseReason)
                : new TrayMenu.Action(PAUSE, "Pause", mayPauseNow, pauseReason));
        items.add(new TrayMenu.Separator());
        items.add(new TrayMenu.Action(OPEN_PROFILES, "Open profiles folder", true, ""));
        items.add(new TrayMenu.Action(OPEN_LOGS, "Open log folder", true, ""));
        items.add(new TrayMenu.Action(DIAGNOSE, "Diagnose…", true, ""));
        items.add(new TrayMenu.Action(ABOUT, "About wuproxy", true, ""));
        items.add(new TrayMenu.Action(EXIT, "Exit (wuproxy keeps working)", true, ""));

        String proxy = s.desired().map(d -> d instanceof UpdateProxy.Fixed f ? f.server() : d.describe()).orElse("unknown");
        String statusLine = problem.map(p -> "Problem: " + p)
                .orElse((s.paused() ? "Paused — " : "") + (policy.locked() ? "Managed — " : "") + s.profile() + ": " + s.why());
        String sync = s.lastSync().map(t -> DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(t)).orElse("not yet");
        String tooltip = shorten("wuproxy " + s.profile() + (s.paused() ? " (paused)" : "") + ", WU " + proxy + ", synced " + sync, TOOLTIP);
        return new TrayMenu(shorten(statusLine, 80), tooltip, icon(s, profiles, problem.isPresent()), items);
    }

    static TrayMenu.Icon icon(SyncStatus status, List<Entry> profiles, boolean problem) {
        if (problem) {
            return TrayMenu.Icon.PROBLEM;
        }
        if (status.paused()) {
            return TrayMenu.Icon.PAUSED;
        }
        ProfileKind kind = profiles.stream().filter(p -> p.name().equals(status.profile())).map(Entry::kind).findFirst()
                .orElse(ProfileKind.CUSTOM);
        return switch (kind) {
            case CORPORATE -> TrayMenu.Icon.CORPORATE;
            case DIRECT -> TrayMenu.Icon.DIRECT;
            case MOBILE -> TrayMenu.Icon.MOBILE;
            case CUSTOM -> TrayMenu.Icon.CUSTOM;
        };
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
