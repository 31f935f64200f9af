package io.github.wuproxy.engine;

import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Windows Update proxy fitting the network: lets bursts of change signals settle, reads
 * the location, lets the {@link Planner} decide, verifies, and has the {@link Applier} write only
 * what differs. It keeps one {@link AgentStatus} that every front end renders.
 * Single-threaded by design: every method must be called on the engine's one thread (the
 * agent's executor, or the simulation's loop); {@link Timers} run their tasks there too.
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final Duration CAPTIVE_RECHECK = Duration.ofSeconds(30);
    /** At most one heal (re-sync and new scan) per this interval, so a broken network cannot loop scans. */
    public static final Duration HEAL_INTERVAL = Duration.ofMinutes(15);

    private final EnginePorts ports;
    private final Applier applier;
    private final ProxyVerification verification;
    private final ActiveProblems problems = new ActiveProblems();
    private final ScanHealing healing = new ScanHealing();
    private final PreScan preScan;
    private final RecentLocations locations = new RecentLocations();
    private volatile Planner planner;
    private EngineSettings settings;
    private RetrySchedule retries;
    private AgentState state = AgentState.INITIAL;
    private Timers.Cancellable settleTimer;
    // made once, not at each round: in the client compiler's code a lambda that captures is made through a method handle, slowly
    private final Runnable settled = () -> {
        settleTimer = null;
        reconcile(Trigger.NETWORK_CHANGE);
    };
    private final Applier.StateWriter stateWriter = this::saveStateOrFail;
    private final java.util.function.Consumer<io.github.wuproxy.core.proxy.ProxyCheck> verifiedByNotifier;
    private Timers.Cancellable retryTimer;
    private Timers.Cancellable driftTimer;
    private boolean suspended;
    private Optional<UpdateProxy> lastApplied = Optional.empty();
    private Optional<UpdateProxy> held = Optional.empty();
    private Optional<LocationFingerprint> yieldedAt = Optional.empty();
    private LocationFingerprint lastFingerprint;
    private Optional<NetworkLocation> lastLocation = Optional.empty();
    private AgentStatus status;
    private boolean lastRoundApplied;

    public SyncEngine(EnginePorts ports, ProfileSet profiles, EngineSettings settings) {
        this.ports = ports;
        this.verifiedByNotifier = ports.notifier()::verified;
        this.applier = new Applier(ports.store(), ports.service(), ports.state(), ports.clock());
        this.verification = new ProxyVerification(ports.verifier());
        this.settings = settings;
        this.retries = new RetrySchedule(settings.retryDelays());
        this.planner = new Planner(profiles, ports.user(), ports.pac());
        this.preScan = new PreScan(ports.schedule(), ports.timers(), ports.clock(), settings.preScanLead(), this::preScanRound);
    }

    /**
     * Loads the persisted state, finishes a Windows Update restart a crash interrupted (even when
     * paused: the proxy is written already), syncs once and starts the drift check.
     */
    public void start() {
        loadState();
        if (state.paused() && state.restartPending()) { // a round finishes it, but not while paused
            try {
                applier.finishRestart(settings.restartUpdateService(), this::saveStateOrFail);
                log.info("finished the Windows Update restart an earlier run left pending");
            } catch (ApplyFailure e) {
                raise(e.problem());
            }
        }
        held = readHeld();
        reconcile(Trigger.START);
        nextScanChanged();
        driftTimer = ports.timers().every(settings.driftCheckInterval(), this::driftCheck);
        log.info("ready: profile {}, Windows Update proxy {}", status == null ? "none yet" : status.profile(),
                status == null ? "unchanged" : status.wanted().map(UpdateProxy::describe).orElse("not worked out"));
    }

    /** Loads the persisted manual choice and pause without acting on them. */
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
        settleTimer = ports.timers().after(settings.settleDelay(), settled);
        if (preScan.dueWithin(settings.settleDelay()) && !suspended && !state.paused()) {
            // The scheduled scan would start before the change settles: read it now; the settled round follows.
            ports.notifier().preScan(preScan.next().orElseThrow(), true);
            reconcile(Trigger.PRE_SCAN);
        }
    }

    /** Reads when Windows Update scans next (after each scan, at drift checks, or when told it moved) and shows it. */
    public void nextScanChanged() {
        if (preScan.refresh()) {
            log.info("Windows Update's next scheduled scan: {}", preScan.next().map(Object::toString).orElse("unknown"));
        }
        if (status != null && !status.nextScan().equals(preScan.next())) {
            publish(status.withNextScan(preScan.next()));
        }
    }

    private void preScanRound(java.time.Instant scan) {
        if (suspended || state.paused()) {
            return;
        }
        log.info("Windows Update scans at {}: checking the network and the proxy first", scan);
        ports.notifier().preScan(scan, false);
        verification.forget();
        reconcile(Trigger.PRE_SCAN);
    }

    public void userProxyChanged() {
        reconcile(Trigger.USER_PROXY_CHANGE);
    }

    public void syncNow() {
        verification.forget();
        reconcile(Trigger.SYNC_NOW);
    }

    public void driftCheck() {
        reconcile(Trigger.DRIFT_CHECK);
        nextScanChanged();
    }

    /**
     * Windows Update finished a scan. A scan that failed with a network or proxy error is healed:
     * the network is read again, the proxy re-synced and verified, and one new scan started, at most
     * once per {@link #HEAL_INTERVAL}. The outcome of that new scan is reported too.
     */
    public void scanFinished(ScanResult scan) {
        nextScanChanged();
        if (scan.succeeded()) {
            clear(ProblemCode.SCAN_FAILED);
        }
        Optional<Heal.Action> action = healing.decide(scan, state.paused() || suspended, ports.clock().instant());
        if (action.isEmpty()) {
            return;
        }
        if (action.get() == Heal.Action.STILL_FAILING) {
            raise(scanStillFailing(scan));
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
        reconcile(Trigger.SCAN_FAILED);
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

    private Problem scanStillFailing(ScanResult scan) {
        String code = scan.code();
        return new Problem(ProblemCode.SCAN_FAILED, Severity.WARNING,
                "Windows Update still fails to check for updates (" + code + ")",
                UpdateErrors.find(scan.error().getAsInt()).map(e -> e.meaning() + "; likely " + e.likelyCause()).orElse("error " + code)
                        + (lastRoundApplied ? "; wuproxy re-synced the proxy and it fits the profile" : ""),
                "run `wuproxy diagnose` to see every proxy setting side by side, and `wuproxy explain " + code + "`");
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
        if (suspended) {
            return;
        }
        StoredSettings now;
        try {
            now = applier.read();
        } catch (ApplyFailure e) {
            return; // the next reconcile reports read problems
        }
        showHeld(now.winHttp());
        if (state.paused() || applier.isOwnWrite(now) || lastApplied.isEmpty() || now.winHttp().equals(lastApplied)) {
            return; // paused, our own write, or nothing of ours to defend yet
        }
        String theirs = now.winHttp().map(UpdateProxy::describe).orElse("a value wuproxy does not understand");
        boolean yield = settings.foreignWrite() == EngineSettings.ForeignWrite.YIELD;
        raise(new Problem(ProblemCode.FOREIGN_WRITE, Severity.WARNING,
                "Another program set the Windows Update proxy to " + theirs,
                "it differs from " + lastApplied.get().describe() + " which profile " + (status == null ? "?" : status.profile()) + " wants",
                yield ? "wuproxy leaves it until the network changes (foreign-write = yield)"
                        : "wuproxy puts its own back (foreign-write = reassert); set foreign-write = yield in agent.conf to leave it"));
        if (yield) {
            yieldedAt = Optional.ofNullable(lastFingerprint);
            lastApplied = now.winHttp();
        } else {
            reconcile(Trigger.FOREIGN_WRITE);
        }
    }

    /** Chooses a profile by hand; throws IllegalArgumentException naming the profiles when it does not exist. */
    public void use(String profileName, boolean sticky) {
        ProfileSet profiles = planner.profiles();
        if (profiles.find(profileName).isEmpty()) {
            throw new IllegalArgumentException("there is no profile " + profileName + "; profiles are "
                    + String.join(", ", profiles.all().stream().map(p -> p.name()).toList()));
        }
        LocationFingerprint here = lastFingerprint != null ? lastFingerprint : readLocation().map(locations::fingerprint)
                .orElse(LocationFingerprint.OFFLINE);
        saveChange(state.withManual(Optional.of(new ManualChoice(profileName, sticky, here))));
        reconcile(Trigger.USE);
    }

    public void useAutomatic() {
        saveChange(state.withManual(Optional.empty()));
        reconcile(Trigger.USE_AUTOMATIC);
    }

    public void setPaused(boolean paused) {
        saveChange(state.withPaused(paused));
        if (paused) {
            cancelTimers();
            publish(status == null ? null : status.withPaused(true));
        } else {
            reconcile(Trigger.RESUME);
        }
    }

    /**
     * Sets the proxy by hand (the proxycfg verbs) and pauses automatic switching, so the choice
     * stays until {@code resume}. Verified and restarted like any change; a refused change leaves
     * the pause, the state file and the proxy as they were.
     */
    public io.github.wuproxy.port.ProxySetAnswer applyByHand(UpdateProxy proxy) throws OneShot.Failure {
        boolean wasPaused = state.paused();
        Optional<java.util.List<Optional<UpdateProxy>>> before = stored();
        try {
            saveStateOrFail(s -> s.withPaused(true)); // refused (a full disk): nothing changed, in memory or on disk
            cancelTimers();
            Applier.Result result = applier.apply(proxy, true, settings.restartUpdateService(), state, this::saveStateOrFail);
            lastApplied = Optional.of(proxy);
            held = Optional.of(proxy);
            publish(status == null ? null : status.withPaused(true).withHeld(held));
            return OneShot.answer(proxy, result, true);
        } catch (ApplyFailure e) {
            if (!wasPaused && before.isPresent() && stored().equals(before)) {
                try {
                    saveStateOrFail(s -> s.withPaused(false)); // the proxy is as before: so is the pause
                } catch (ApplyFailure stillFull) {
                    // memory follows the file: paused
                }
            }
            held = readHeld();
            throw new OneShot.Failure(e.problem());
        }
    }

    /** Replaces the profiles and settings after a successful reload; a broken reload never reaches here. */
    public void reload(ProfileSet profiles, EngineSettings newSettings) {
        settings = newSettings;
        retries = new RetrySchedule(newSettings.retryDelays());
        planner = new Planner(profiles, ports.user(), ports.pac());
        if (driftTimer != null) {
            driftTimer.cancel();
            driftTimer = ports.timers().every(settings.driftCheckInterval(), this::driftCheck);
        }
        preScan.lead(newSettings.preScanLead());
        reconcile(Trigger.PROFILES_RELOADED);
    }

    public Optional<AgentStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The location the last round read, for "remember this network". */
    public Optional<NetworkLocation> lastLocation() {
        return lastLocation;
    }

    public ProfileSet profiles() {
        return planner.profiles();
    }

    public AgentState state() {
        return state;
    }

    /** What the engine would want right now, verified, without writing anything: for simulations. */
    public Desired preview(NetworkLocation location) {
        Desired resolved = resolve(location);
        return location.captivePortal() ? resolved : verification.verifyAfresh(resolved).desired();
    }

    /** The profile and proxy for this location, without verifying it. */
    public Desired resolve(NetworkLocation location) {
        return planner.plan(location, state.manual());
    }

    private Optional<NetworkLocation> readLocation() {
        try {
            return Optional.of(ports.network().current(planner.probes()));
        } catch (SourceException e) {
            log.warn("could not read the network location: {}", e.getMessage());
            return Optional.empty();
        }
    }

    void reconcile(Trigger trigger) {
        if (suspended) {
            return;
        }
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
        Optional<NetworkLocation> read = readLocation();
        if (read.isEmpty()) {
            if (!state.paused()) {
                failed(new Problem(ProblemCode.READ_FAILED, Severity.WARNING, "Could not read the network location",
                        "the network interfaces could not be listed", "wuproxy tries again"), true, trigger);
            }
            return;
        }
        NetworkLocation location = read.get();
        lastLocation = Optional.of(location);
        LocationFingerprint fingerprint = locations.fingerprint(location);
        boolean moved = lastFingerprint != null && !lastFingerprint.equals(fingerprint);
        if (state.paused()) {
            // Changes nothing; the status still shows what the profile would want and what Windows holds now.
            held = readHeld();
            lastFingerprint = fingerprint;
            publish(statusOf(resolve(location), location));
            return;
        }
        if (yieldedAt.isPresent()) {
            if (yieldedAt.get().equals(fingerprint) && !trigger.isUserChoice()) {
                return;
            }
            yieldedAt = Optional.empty();
            clear(ProblemCode.FOREIGN_WRITE);
        }
        Desired resolved = resolve(location);
        ProxyVerification.Outcome verified = location.captivePortal()
                ? new ProxyVerification.Outcome(resolved, Optional.empty())
                : verification.verify(resolved, fingerprint, verifiedByNotifier);
        Desired desired = verified.desired();
        lastRoundApplied = false;
        if (location.captivePortal()) {
            retryTimer = ports.timers().after(CAPTIVE_RECHECK, () -> {
                retryTimer = null;
                reconcile(Trigger.CAPTIVE_PORTAL_RECHECK);
            });
        }
        if (desired.selection().manualExpired()) {
            saveState(state.withManual(Optional.empty()));
        }
        lastFingerprint = fingerprint;
        publish(statusOf(desired, location));
        if (desired.proxy().isEmpty()) {
            failed(desired.problem().orElseThrow(), false, trigger);
            return;
        }
        UpdateProxy proxy = desired.proxy().get();
        try {
            Applier.Result result = applier.apply(proxy, desired.selection().profile().bits(),
                    settings.restartUpdateService(), state, stateWriter);
            lastApplied = Optional.of(proxy);
            held = Optional.of(proxy);
            lastRoundApplied = true;
            retries.succeeded();
            problems.roundSucceeded(verified.warning().map(Problem::code)).forEach(code -> log.info("{} cleared", code.id()));
            if (verified.warning().isPresent()) {
                raise(verified.warning().get());
            }
            if (result.wroteWinHttp()) {
                clear(ProblemCode.FOREIGN_WRITE); // wuproxy's own proxy is back
            }
            if ((result.wroteWinHttp() || result.wroteBits() || moved) && log.isInfoEnabled()) {
                log.info("{} location={} profile={} rule=\"{}\" proxy={} (was {}){}{}", trigger.word(),
                        location.name().isEmpty() ? fingerprint : location.name(), desired.selection().profile().name(),
                        desired.selection().why(), proxy.describe(), result.before().map(UpdateProxy::describe).orElse("unknown"),
                        desired.note().isEmpty() ? "" : " via " + desired.note(),
                        result.restarted() ? "; Windows Update restarted" : "");
            }
            if (result.wroteWinHttp() || result.wroteBits()) {
                ports.notifier().applied(new AppliedChange(desired.selection().profile().name(), desired.selection().why(),
                        result.before(), proxy, result.wroteWinHttp(), result.wroteBits(), result.restarted()));
            }
            publish(statusOf(desired, location).withLastSync(ports.clock().instant()));
        } catch (ApplyFailure e) {
            held = readHeld();
            failed(e.problem(), e.isTransient(), trigger);
        }
    }

    private void failed(Problem problem, boolean transientFailure, Trigger trigger) {
        if (transientFailure) {
            Optional<Duration> delay = retries.next();
            if (delay.isPresent()) {
                if (retryTimer != null) {
                    retryTimer.cancel();
                }
                log.warn("{} failed ({}: {}); retry {} in {}s", trigger.word(), problem.whatFailed(), problem.why(), retries.attempt(),
                        delay.get().toSeconds());
                retryTimer = ports.timers().after(delay.get(), () -> {
                    retryTimer = null;
                    reconcile(Trigger.RETRY);
                });
                return;
            }
        } else {
            retries.succeeded();
        }
        raise(problem);
    }

    /** Makes a problem active; announced (log, notifier) only when it was not active already. */
    private void raise(Problem problem) {
        if (problems.raise(problem, ports.clock().instant())) {
            if (problem.severity() == Severity.ERROR) {
                log.error("{}", problem.text());
            } else {
                log.warn("{}", problem.text());
            }
            ports.notifier().problem(problem);
        }
        publish(status == null ? null : status.withProblems(problems.list()));
    }

    private void clear(ProblemCode code) {
        if (problems.clear(code)) {
            log.info("{} cleared", code.id());
            publish(status == null ? null : status.withProblems(problems.list()));
        }
    }

    private Optional<UpdateProxy> readHeld() {
        try {
            return applier.read().winHttp();
        } catch (ApplyFailure e) {
            return held;
        }
    }

    private void showHeld(Optional<UpdateProxy> now) {
        held = now;
        publish(status == null ? null : status.withHeld(now));
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

    private AgentStatus statusOf(Desired desired, NetworkLocation location) {
        Selection s = desired.selection();
        return new AgentStatus(s.profile().name(), s.basis(), s.why(), desired.proxy(), held, locations.describe(location), state.paused(),
                state.manual(), status == null ? Optional.empty() : status.lastSync(), problems.list(), planner.userProxy(desired), preScan.next(), s.reason());
    }

    private void publish(AgentStatus next) {
        if (next != null && !next.equals(status)) {
            status = next;
            ports.notifier().status(next);
        }
    }
}
