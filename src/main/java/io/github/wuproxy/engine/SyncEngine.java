package io.github.wuproxy.engine;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.ProfileSelector;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.profile.Situation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.SyncStatus;
import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Windows Update proxy fitting the network: lets bursts of change signals settle, reads
 * the location, selects a profile, works out the proxy, and applies it only when it differs.
 * Single-threaded by design: every method must be called on the engine's one thread (the
 * agent's executor, or the simulation's loop); {@link Timers} run their tasks there too.
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final Duration CAPTIVE_RECHECK = Duration.ofSeconds(30);
    /** At most one heal (re-sync and new scan) per this interval, so a broken network cannot loop scans. */
    public static final Duration HEAL_INTERVAL = Duration.ofMinutes(15);

    private final EnginePorts ports;
    private final ProxyResolution resolution;
    private final Applier applier;
    private final ProxyVerification verification;
    private ProfileSelector selector;
    private ProbeRequest probes;
    private AgentSettings settings;
    private AgentState state = AgentState.INITIAL;
    private Timers.Cancellable settleTimer;
    private Timers.Cancellable retryTimer;
    private int retryAttempt;
    private boolean suspended;
    private Optional<UpdateProxy> lastApplied = Optional.empty();
    private Optional<LocationFingerprint> yieldedAt = Optional.empty();
    private LocationFingerprint lastFingerprint;
    private Optional<NetworkLocation> lastLocation = Optional.empty();
    private SyncStatus lastStatus;
    private final Map<ProblemCode, Problem> activeProblems = new EnumMap<>(ProblemCode.class);
    private final ScanHealing healing = new ScanHealing();
    private boolean lastRoundApplied;

    public SyncEngine(EnginePorts ports, ProfileSet profiles, AgentSettings settings) {
        this.ports = ports;
        this.resolution = new ProxyResolution(ports.user(), ports.pac());
        this.applier = new Applier(ports.store(), ports.service(), ports.state(), ports.clock());
        this.verification = new ProxyVerification(ports.verifier());
        this.settings = settings;
        useProfiles(profiles);
    }

    /** Loads the persisted state, finishes a restart a crash interrupted, and syncs once. */
    public void start() {
        loadState();
        if (state.paused() && state.restartPending()) { // reconcile finishes it, but not while paused
            try {
                applier.finishRestart(settings.restartUpdateService(), this::saveStateOrFail);
            } catch (ApplyFailure e) {
                log.warn("{} {}", e.problem().code().id(), e.problem().text());
            }
        }
        reconcile("start");
        log.info("ready: profile {}, Windows Update proxy {}", lastStatus == null ? "none yet" : lastStatus.profile(),
                lastStatus == null ? "unchanged" : lastStatus.desired().map(UpdateProxy::describe).orElse("not worked out"));
    }

    /** Loads the persisted manual choice and pause without acting on them: for {@code start} and read-only reports. */
    public void loadState() {
        try {
            state = ports.state().load();
        } catch (StateException e) {
            log.warn("starting without saved state (manual choice and pause are reset): {}", e.getMessage());
        }
    }

    public void networkChanged() {
        if (settleTimer != null) {
            settleTimer.cancel();
        }
        settleTimer = ports.timers().after(settings.settleDelay(), () -> {
            settleTimer = null;
            reconcile("network change");
        });
    }

    public void userProxyChanged() {
        reconcile("user proxy change");
    }

    public void syncNow() {
        verification.forget();
        reconcile("sync now");
    }

    /**
     * Windows Update finished a scan. A scan that failed with a network or proxy error is healed:
     * the network is read again, the proxy re-synced and verified, and one new scan started, at most
     * once per {@link #HEAL_INTERVAL}. The outcome of that new scan is reported too.
     */
    public void scanFinished(ScanResult scan) {
        if (scan.succeeded() && activeProblems.remove(ProblemCode.SCAN_FAILED) != null) {
            ports.notifier().cleared(ProblemCode.SCAN_FAILED);
        }
        Optional<Heal.Action> action = healing.decide(scan, state.paused() || suspended, ports.clock().instant());
        if (action.isEmpty()) {
            return;
        }
        if (action.get() == Heal.Action.STILL_FAILING) {
            reportScanStillFailing(scan);
        }
        if (action.get() != Heal.Action.RESCANNED) {
            heal(scan, action.get());
            return;
        }
        verification.forget();
        if (settleTimer != null) {
            settleTimer.cancel();
            settleTimer = null;
        }
        reconcile("scan failed with " + scan.code());
        try {
            ports.scanner().startScan();
            healing.rescanStarted();
            heal(scan, Heal.Action.RESCANNED);
        } catch (ServiceException e) {
            log.warn("re-synced after a failed scan, but could not start a new scan: {}", e.getMessage());
            heal(scan, Heal.Action.SCAN_REFUSED);
        }
    }

    private void heal(ScanResult scan, Heal.Action action) {
        log.info("scan {}: {}", scan.code(), action.word());
        ports.notifier().healing(new Heal(scan, action));
    }

    private void reportScanStillFailing(ScanResult scan) {
        String code = scan.code();
        Problem problem = new Problem(ProblemCode.SCAN_FAILED, Severity.WARNING,
                "Windows Update still fails to check for updates (" + code + ")",
                UpdateErrors.find(scan.error().getAsInt()).map(e -> e.meaning() + "; likely " + e.likelyCause()).orElse("error " + code)
                        + (lastRoundApplied ? "; wuproxy re-synced the proxy and it fits the profile" : ""),
                "run `wuproxy diagnose` to see every proxy setting side by side, and `wuproxy explain " + code + "`");
        if (activeProblems.putIfAbsent(problem.code(), problem) == null) {
            log.error("{}", problem.text());
            ports.notifier().problem(problem);
        }
    }

    public void driftCheck() {
        reconcile("drift check");
    }

    public void suspend() {
        suspended = true;
        cancelTimers();
    }

    public void resume() {
        suspended = false;
        networkChanged();
    }

    /** The WinHTTP value was written, by wuproxy or by something else. */
    public void storeWritten() {
        if (state.paused() || suspended) {
            return;
        }
        StoredSettings now;
        try {
            now = applier.read();
        } catch (ApplyFailure e) {
            return; // the next reconcile reports read problems
        }
        if (applier.isOwnWrite(now) || lastApplied.isEmpty() || now.winHttp().equals(lastApplied)) {
            return; // our own write, or nothing of ours to defend yet
        }
        String theirs = now.winHttp().map(UpdateProxy::describe).orElse("a value wuproxy does not understand");
        Problem notice = new Problem(ProblemCode.FOREIGN_WRITE, Severity.WARNING,
                "Another program set the Windows Update proxy to " + theirs,
                "it differs from " + lastApplied.get().describe() + " which profile " + (lastStatus == null ? "?" : lastStatus.profile()) + " wants",
                settings.foreignWrite() == AgentSettings.ForeignWritePolicy.YIELD
                        ? "wuproxy leaves it until the network changes (foreign-write = yield)"
                        : "wuproxy puts its own back (foreign-write = reassert); set foreign-write = yield in agent.conf to leave it");
        log.warn("{} foreign write: {}", notice.code().id(), theirs);
        ports.notifier().problem(notice);
        if (settings.foreignWrite() == AgentSettings.ForeignWritePolicy.YIELD) {
            yieldedAt = Optional.ofNullable(lastFingerprint);
            lastApplied = now.winHttp();
        } else {
            reconcile("foreign write");
        }
    }

    /** Chooses a profile by hand; throws IllegalArgumentException naming the profiles when it does not exist. */
    public void use(String profileName, boolean sticky) {
        if (selector.profiles().find(profileName).isEmpty()) {
            throw new IllegalArgumentException("there is no profile " + profileName + "; profiles are "
                    + String.join(", ", selector.profiles().all().stream().map(p -> p.name()).toList()));
        }
        LocationFingerprint here = lastFingerprint != null ? lastFingerprint : readLocation().map(NetworkLocation::fingerprint)
                .orElse(LocationFingerprint.OFFLINE);
        saveChange(state.withManual(Optional.of(new ManualChoice(profileName, sticky, here))));
        reconcile("use " + profileName + (sticky ? " (sticky)" : ""));
    }

    public void useAutomatic() {
        saveChange(state.withManual(Optional.empty()));
        reconcile("use automatic");
    }

    public void setPaused(boolean paused) {
        saveChange(state.withPaused(paused));
        if (paused) {
            cancelTimers();
            publish(lastStatus == null ? null : withPaused(lastStatus, true));
        } else {
            reconcile("resume");
        }
    }

    /**
     * Sets the proxy by hand (the proxycfg verbs) and pauses automatic switching, so the choice
     * stays until {@code resume}. Verified and restarted like any change.
     */
    public String applyByHand(UpdateProxy proxy) throws OneShot.Failure {
        boolean wasPaused = state.paused();
        Optional<java.util.List<Optional<UpdateProxy>>> before = stored();
        try {
            saveStateOrFail(s -> s.withPaused(true)); // refused (a full disk): nothing changed, in memory or on disk
            cancelTimers();
            publish(lastStatus == null ? null : withPaused(lastStatus, true));
            Applier.Result result = applier.apply(proxy, true, settings.restartUpdateService(), state, this::saveStateOrFail);
            lastApplied = Optional.of(proxy);
            return OneShot.describe(proxy, result) + " wuproxy is paused until `wuproxy resume`.";
        } catch (ApplyFailure e) {
            if (!wasPaused && before.isPresent() && stored().equals(before)) {
                try {
                    saveStateOrFail(s -> s.withPaused(false)); // the proxy is as before: so is the pause
                } catch (ApplyFailure stillFull) {
                    // memory follows the file: paused
                }
            }
            throw new OneShot.Failure(e.problem());
        }
    }

    /** Replaces the profiles and settings after a successful reload; a broken reload never reaches here. */
    public void reload(ProfileSet profiles, AgentSettings newSettings) {
        settings = newSettings;
        useProfiles(profiles);
        reconcile("profiles reloaded");
    }

    public Optional<SyncStatus> status() {
        return Optional.ofNullable(lastStatus);
    }

    /** The location the last round read, for "remember this network". */
    public Optional<NetworkLocation> lastLocation() {
        return lastLocation;
    }

    public AgentState state() {
        return state;
    }

    /** What the engine would want right now, without writing anything: for simulations and {@code status}. */
    public Desired preview(NetworkLocation location) {
        Desired resolved = resolve(location);
        return location.captivePortal() ? resolved : verification.verifyAfresh(resolved).desired();
    }

    /** The profile and proxy for this location, without verifying it: for reports that test candidates themselves. */
    public Desired resolve(NetworkLocation location) {
        Optional<UserProxySettings> user = ports.user().current();
        Selection selection = selector.select(new Situation(location, user), state.manual());
        Desired desired = resolution.resolve(selection, location);
        return location.captivePortal() ? behindCaptivePortal(desired) : desired;
    }

    /** Behind a portal nothing but the sign-in page answers: Windows Update stays direct until then. */
    private static Desired behindCaptivePortal(Desired desired) {
        Selection s = desired.selection();
        Selection portal = new Selection(s.profile(), s.basis(),
                "behind a captive portal: Windows Update stays direct until you sign in to this network", s.manualExpired());
        return Desired.of(portal, UpdateProxy.direct(), "");
    }

    private void useProfiles(ProfileSet profiles) {
        selector = new ProfileSelector(profiles);
        probes = ProbeRequests.of(profiles);
    }

    private Optional<NetworkLocation> readLocation() {
        try {
            return Optional.of(ports.network().current(probes));
        } catch (SourceException e) {
            log.warn("could not read the network location: {}", e.getMessage());
            return Optional.empty();
        }
    }

    void reconcile(String trigger) {
        if (suspended) {
            return;
        }
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
        if (state.paused()) {
            log.debug("paused; {} ignored", trigger);
            return;
        }
        Optional<NetworkLocation> read = readLocation();
        if (read.isEmpty()) {
            scheduleRetry(trigger);
            return;
        }
        NetworkLocation location = read.get();
        lastLocation = Optional.of(location);
        LocationFingerprint fingerprint = location.fingerprint();
        boolean moved = lastFingerprint != null && !lastFingerprint.equals(fingerprint);
        if (yieldedAt.isPresent() && yieldedAt.get().equals(fingerprint) && !trigger.startsWith("use")) {
            return;
        }
        yieldedAt = Optional.empty();
        Desired resolved = resolve(location);
        ProxyVerification.Outcome verified = location.captivePortal()
                ? new ProxyVerification.Outcome(resolved, Optional.empty())
                : verification.verify(resolved, fingerprint, ports.notifier()::verified);
        Desired desired = verified.desired();
        lastRoundApplied = false;
        if (location.captivePortal()) {
            retryTimer = ports.timers().after(CAPTIVE_RECHECK, () -> {
                retryTimer = null;
                reconcile("captive portal re-check");
            });
        }
        if (desired.selection().manualExpired()) {
            saveState(state.withManual(Optional.empty()));
        }
        lastFingerprint = fingerprint;
        publish(statusOf(desired, location));
        if (desired.proxy().isEmpty()) {
            fail(desired.problem().orElseThrow(), false, trigger);
            return;
        }
        UpdateProxy proxy = desired.proxy().get();
        try {
            Applier.Result result = applier.apply(proxy, desired.selection().profile().bits(),
                    settings.restartUpdateService(), state, this::saveStateOrFail);
            lastApplied = Optional.of(proxy);
            lastRoundApplied = true;
            succeeded(verified.warning());
            if (result.wroteWinHttp() || result.wroteBits() || moved) {
                log.info("{} location={} profile={} rule=\"{}\" proxy={} (was {}){}{}", trigger,
                        location.name().isEmpty() ? fingerprint : location.name(), desired.selection().profile().name(),
                        desired.selection().why(), proxy.describe(), result.before().map(UpdateProxy::describe).orElse("unknown"),
                        desired.note().isEmpty() ? "" : " via " + desired.note(),
                        result.restarted() ? "; Windows Update restarted" : "");
            }
            if (result.wroteWinHttp() || result.wroteBits()) {
                ports.notifier().applied(new AppliedChange(desired.selection().profile().name(), desired.selection().why(),
                        result.before(), proxy, result.wroteWinHttp(), result.wroteBits(), result.restarted()));
            }
            publish(withLastSync(lastStatus));
        } catch (ApplyFailure e) {
            fail(e.problem(), e.isTransient(), trigger);
        }
    }

    /** Clears the problems a successful round cures; keeps a foreign write's notice, a failing scan's, and this round's warning. */
    private void succeeded(Optional<Problem> warning) {
        retryAttempt = 0;
        for (ProblemCode code : activeProblems.keySet().toArray(ProblemCode[]::new)) {
            boolean stays = code == ProblemCode.FOREIGN_WRITE || code == ProblemCode.SCAN_FAILED
                    || warning.filter(w -> w.code() == code).isPresent();
            if (!stays) {
                activeProblems.remove(code);
                ports.notifier().cleared(code);
            }
        }
        warning.ifPresent(w -> {
            if (activeProblems.putIfAbsent(w.code(), w) == null) {
                log.warn("{}", w.text());
                ports.notifier().problem(w);
            }
        });
    }

    private void fail(Problem problem, boolean transientFailure, String trigger) {
        if (transientFailure && retryAttempt < settings.retryDelays().size()) {
            if (retryTimer != null) {
                retryTimer.cancel();
            }
            Duration delay = settings.retryDelays().get(retryAttempt++);
            log.warn("{} failed ({}); retry {} in {}s", trigger, problem.whatFailed(), retryAttempt, delay.toSeconds());
            retryTimer = ports.timers().after(delay, () -> {
                retryTimer = null;
                reconcile("retry");
            });
            return;
        }
        retryAttempt = 0;
        if (activeProblems.putIfAbsent(problem.code(), problem) == null) {
            log.error("{}", problem.text());
            ports.notifier().problem(problem);
        }
    }

    private void scheduleRetry(String trigger) {
        fail(new Problem(ProblemCode.READ_FAILED, Severity.WARNING, "Could not read the network location",
                "the network interfaces could not be listed", "wuproxy tries again"), true, trigger);
    }

    private void cancelTimers() {
        if (settleTimer != null) {
            settleTimer.cancel();
            settleTimer = null;
        }
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
    }

    private void saveState(AgentState next) {
        state = next;
        try {
            ports.state().save(next);
        } catch (StateException e) {
            log.warn("could not save the agent state (kept in memory): {}", e.getMessage());
        }
    }

    /** The WinHTTP and BITS proxies as stored now, or empty when they cannot be read. */
    private Optional<java.util.List<Optional<UpdateProxy>>> stored() {
        try {
            StoredSettings now = applier.read();
            return Optional.of(java.util.List.of(now.winHttp(), now.bits()));
        } catch (ApplyFailure e) {
            return Optional.empty();
        }
    }

    /** A change the user asked for: refused, with memory and file as before, when the state cannot be saved. */
    private void saveChange(AgentState next) {
        try {
            ports.state().save(next);
        } catch (StateException e) {
            throw new IllegalStateException("could not save wuproxy's state, so nothing was changed: " + e.getMessage(), e);
        }
        state = next;
    }

    private void saveStateOrFail(UnaryOperator<AgentState> change) throws ApplyFailure {
        AgentState next = change.apply(state);
        try {
            ports.state().save(next);
            state = next;
        } catch (StateException e) {
            throw new ApplyFailure(new Problem(ProblemCode.STATE_FAILED, Severity.ERROR,
                    "Could not save wuproxy's state, so the proxy was not changed", e.getMessage(),
                    "Free some disk space or fix the permissions of the state folder"), true);
        }
    }

    private SyncStatus statusOf(Desired desired, NetworkLocation location) {
        Selection s = desired.selection();
        return new SyncStatus(s.profile().name(), s.basis().name().toLowerCase(java.util.Locale.ROOT), s.why(), desired.proxy(),
                location.describe(), state.paused(), lastStatus == null ? Optional.empty() : lastStatus.lastSync());
    }

    private SyncStatus withLastSync(SyncStatus status) {
        return new SyncStatus(status.profile(), status.basis(), status.why(), status.desired(), status.network(), status.paused(),
                Optional.of(ports.clock().instant()));
    }

    private static SyncStatus withPaused(SyncStatus status, boolean paused) {
        return new SyncStatus(status.profile(), status.basis(), status.why(), status.desired(), status.network(), paused,
                status.lastSync());
    }

    private void publish(SyncStatus status) {
        if (status != null && !status.equals(lastStatus)) {
            lastStatus = status;
            ports.notifier().status(status);
        }
    }
}
