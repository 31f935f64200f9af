package io.github.wuproxy.sim;

import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.baseline.WindowsUpdateBaseline;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.engine.UserProxyKeeper;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.PacException;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Replays a timeline through the real {@link SyncEngine} over simulated ports in virtual time, and
 * reports every decision, write, restart, scan, expectation and problem as one JSON object per line.
 * Lines share parts (the same proxy shown in many lines is one node): a line must not be changed.
 * A network, the user's settings, proxy answers and a foreign write at t = 0 are the machine as it
 * starts; the replay ends when the settle delay after the last line has passed.
 */
public final class Simulation {
    /** Timeline second 0. */
    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    /** What a scan through a proxy that does not fit the network fails with: ERROR_WINHTTP_CANNOT_CONNECT. */
    static final int WRONG_PROXY_ERROR = 0x80072EFD;

    /** Which lines are printed: all; only failed expectations, scans that do not fit and problems; or the summary alone. */
    public enum Output {
        ALL, FAILURES, SUMMARY;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How to replay.
     *
     * @param baseline the WinHTTP proxy the machine would hold without wuproxy; empty: the timeline's starting value
     */
    public record Options(Output output, Optional<UpdateProxy> baseline, boolean everyDriftCheck) {
        public static final Options ALL = new Options(Output.ALL, Optional.empty());

        public Options(Output output, Optional<UpdateProxy> baseline) {
            this(output, baseline, false);
        }
    }

    /** An expectation that did not hold: its timeline line and what was found. */
    public record Failure(int line, String message) {}

    private final ProfileSet profiles;
    private final AgentSettings settings;
    private final Consumer<ObjectNode> out;
    private final Options options;
    private final boolean all;
    private final VirtualTime time = new VirtualTime(START);
    private final ScriptedNetworkLocationSource network = new ScriptedNetworkLocationSource();
    private InMemoryUpdateProxyStore store;
    private final SimulatedUserProxyStore user = SimulatedUserProxyStore.holding(UserProxySettings.DIRECT);
    private final InMemoryUserProxyBackups userBackups = new InMemoryUserProxyBackups();
    private final UserProxyKeeper userKeeper = new UserProxyKeeper(user, userBackups);
    private final UserProxyDownloads downloads = new UserProxyDownloads();
    private SimulatedUpdateService service;
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final SimulatedUpdateScanner scanner = new SimulatedUpdateScanner();
    private final SimulatedProxyVerifier verifier = new SimulatedProxyVerifier();
    private final ScriptedScanSource scanReports = new ScriptedScanSource();
    /** Windows' own timers (its scheduled scan): they outlive an agent crash. */
    private final VirtualTime.Scope windows = time.scope();
    private Timers.Cancellable scheduledScan;
    private Optional<Instant> scheduledAt = Optional.empty();
    private int prescans;
    private final ReferenceEvaluation reference;
    private final Recorder recorder = new Recorder();
    private final List<ObjectNode> pendingRestarts = new ArrayList<>();
    private final Set<ProblemCode> activeProblems = EnumSet.noneOf(ProblemCode.class);
    private final List<Failure> failures = new ArrayList<>();
    private UpdateProxy startingStore = UpdateProxy.direct();
    private final List<TimelineEvent.Fault> pendingFaults = new ArrayList<>();
    private boolean writePending;
    private ObjectNode pendingWrite;
    private Judged judged;
    /** The last few judgements: a laptop goes back and forth between a few places. */
    private final Judged[] judgedBefore = new Judged[16];
    private int judgedNext;
    private Optional<UpdateProxy> wpad = Optional.empty();
    private WindowsUpdateBaseline baseline;
    private WindowsUpdateBaseline.Source updateSource = WindowsUpdateBaseline.Source.MICROSOFT;
    private boolean userProxyFallback;
    private SimulatedLaptop laptop;
    /** Whether anything reached the engine since its last drift check; a drift check with nothing new finds nothing. */
    private boolean changedSinceDriftCheck = true;
    private long skippedDriftChecks;
    private SyncEngine engine;
    private boolean crashArmed;
    private boolean userProxyPending;
    private boolean asleep;
    private Instant accountedUntil = START;
    private boolean wrongNow;
    private long wrongMillis;
    private int scans;
    private int scansFitting;
    private int baselineScansFitting;
    private int writes;
    private int problems;
    private int expectations;

    public Simulation(ProfileSet profiles, AgentSettings settings, Consumer<ObjectNode> out) {
        this(profiles, settings, out, Options.ALL);
    }

    public Simulation(ProfileSet profiles, AgentSettings settings, Consumer<ObjectNode> out, Options options) {
        this.profiles = profiles;
        this.settings = settings;
        this.out = out;
        this.options = options;
        this.all = options.output() == Output.ALL;
        this.reference = new ReferenceEvaluation(profiles, verifier);
    }

    /**
     * What a replay found.
     *
     * @param baselineScansFitting scans that Windows Update alone (the baseline) would have got through
     * @param failures the expectations that did not hold, in timeline order
     */
    public record Summary(int scans, int scansFitting, int baselineScansFitting, int writes, int restarts, double wrongProxySeconds,
            int problems, int expectations, List<Failure> failures) {}

    /** Replays {@code events}, in time order as {@link Timeline#parse} gives them. */
    public Summary run(List<TimelineEvent> events) {
        return run(events.iterator());
    }

    /** Replays {@code events} as they come, in time order as {@link Timeline#parse} hands them over. */
    public Summary run(Iterator<TimelineEvent> events) {
        List<TimelineEvent> atStart = new ArrayList<>();
        TimelineEvent first = startingMachine(events, atStart);
        store = InMemoryUpdateProxyStore.holding(startingStore);
        service = new SimulatedUpdateService(store::current);
        laptop = new SimulatedLaptop(time, network, user, scanner, verifier, new TimelinePac(), store, service, state, recorder, profiles,
                settings.engine(), this::watched);
        baseline = new WindowsUpdateBaseline(options.baseline().orElse(startingStore), updateSource, userProxyFallback);
        network.start(() -> engine.networkChanged());
        Runnable storeWritten = () -> engine.storeWritten(); // made once: see Watched
        store.watch(() -> laptop.soon(storeWritten));
        store.afterBitsWrite(() -> {
            if (pendingWrite() != null) {
                pendingWrite.set("bits", proxyJson(store.read().bits().orElseThrow()));
            }
        });
        store.afterWrite(() -> {
            if (pendingWrite() != null) {
                pendingWrite.put("winHttpSettings", HexFormat.of().formatHex(store.winHttpSettings()));
            }
            if (crashArmed) {
                crashArmed = false;
                throw new SimulatedCrash();
            }
        });
        // Printed after the write that caused it, at the end of the step.
        service.onRestart(() -> {
            if (all) {
                pendingRestarts.add(line("restart").put("service", "wuauserv"));
            }
        });
        scanReports.watch(scan -> engine.scanFinished(scan));
        scanner.onScan(() -> laptop.soon(this::scan));
        pendingFaults.forEach(this::apply);
        guarded(this::startEngine);
        account();
        atStart.forEach(this::step);
        if (first != null) {
            step(first);
            while (events.hasNext()) {
                step(events.next());
            }
        }
        // The last change is decided: the replay runs on until its settle delay has passed (and a scheduled scan has run).
        Instant end = time.instant().plus(settings.settleDelay());
        runTimersUntil(scheduledAt.map(at -> at.plus(settings.settleDelay())).filter(end::isBefore).orElse(end));
        account();
        Summary summary = new Summary(scans, scansFitting, baselineScansFitting, writes, service.restarts(), wrongMillis / 1000.0,
                problems, expectations, List.copyOf(failures));
        ObjectNode line = line("summary").put("scans", summary.scans()).put("scansFitting", summary.scansFitting())
                .put("writes", summary.writes()).put("restarts", summary.restarts())
                .put("wrongProxySeconds", summary.wrongProxySeconds()).put("problems", summary.problems())
                .put("baselineScansFitting", summary.baselineScansFitting()).put("baselineProxy", baseline.machine().describe());
        if (prescans > 0) {
            line.put("prescans", prescans);
        }
        if (expectations > 0) {
            line.put("expectations", expectations).put("expectationsFailed", failures.size());
        }
        downloads.summarise(line);
        out.accept(line);
        return summary;
    }

    private void step(TimelineEvent event) {
        Instant at = START.plusMillis(Math.round(event.t() * 1000));
        runTimersUntil(at);
        try { // guarded, without a lambda per line (see Watched)
            apply(event);
        } catch (SimulatedCrash crash) {
            crashed();
        }
        account();
    }

    /**
     * Applies the t = 0 lines that describe the machine as it starts (its network, the user's
     * settings, proxy answers, a WinHTTP value set before wuproxy, the update source, faults armed for
     * the first step), so the engine starts on them; keeps the other t = 0 lines in {@code atStart} and
     * returns the first line after t = 0, or null.
     */
    private TimelineEvent startingMachine(Iterator<TimelineEvent> events, List<TimelineEvent> atStart) {
        while (events.hasNext()) {
            TimelineEvent event = events.next();
            if (event.t() != 0) {
                return event;
            } else if (event instanceof TimelineEvent.Network n) {
                network.setQuietly(n.location());
                wpad = n.wpad();
            } else if (event instanceof TimelineEvent.UserProxy u) {
                user.set(u.settings());
            } else if (event instanceof TimelineEvent.ProxyAnswers p) {
                verifier.set(p.server(), p.answer());
            } else if (event instanceof TimelineEvent.ForeignWrite f) {
                startingStore = f.proxy();
            } else if (event instanceof TimelineEvent.WindowsUpdate w) {
                updateSource = w.source();
                userProxyFallback = w.userProxyFallback();
            } else if (event instanceof TimelineEvent.Fault f) {
                pendingFaults.add(f);
            } else {
                atStart.add(event);
            }
        }
        return null;
    }

    private void startEngine() {
        activeProblems.clear();
        changedSinceDriftCheck = true;
        engine = laptop.engine() == null ? laptop.boot() : laptop.crashAndRestart();
    }

    /**
     * A timer's task, watched. A class, not a lambda: the replay runs in the client compiler's code,
     * where a lambda that captures is made through a method handle and Unsafe.allocateInstance (a
     * quarter of the replay when the replay's steps made them).
     */
    private final class Watched implements Runnable {
        private final Runnable task;

        Watched(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            changedSinceDriftCheck = true;
            task.run();
        }
    }

    /** The engine's timers, watched: whatever they run counts as something new for the next drift check. */
    private Timers watched(Timers scope) {
        return new Timers() {
            @Override
            public Cancellable after(Duration delay, Runnable task) {
                return scope.after(delay, new Watched(task));
            }

            /**
             * The engine's drift check. One that nothing has reached the engine since the last (no
             * timeline line but scans that fit, no timer, no active problem) re-reads the same inputs and
             * finds nothing, so it is skipped unless {@link Options#everyDriftCheck()}: the output is the same.
             */
            @Override
            public Cancellable every(Duration interval, Runnable task) {
                return scope.every(interval, new DriftCheck(task));
            }
        };
    }

    /** The engine's drift check, run only when something may have changed since the last (see {@link #watched}). */
    private final class DriftCheck implements Runnable {
        private final Runnable task;

        DriftCheck(Runnable task) {
            this.task = task;
        }

        boolean idle() {
            return asleep || !(changedSinceDriftCheck || !activeProblems.isEmpty() || options.everyDriftCheck());
        }

        @Override
        public void run() {
            if (idle()) {
                skippedDriftChecks++;
            } else {
                changedSinceDriftCheck = false;
                task.run();
            }
        }
    }

    private static boolean idleDriftCheck(Runnable task) {
        return task instanceof DriftCheck check && check.idle();
    }

    private void runTimersUntil(Instant at) {
        Instant due;
        while ((due = time.nextDueOrNull()) != null && !due.isAfter(at)) {
            long idle = time.skipIdleRuns(at, Simulation::idleDriftCheck); // a quiet night's drift checks, at once
            if (idle > 0) {
                skippedDriftChecks += idle;
                if (wrongNow) {
                    account();
                }
                continue;
            }
            long ran = time.ran() - skippedDriftChecks;
            try {
                time.runUntil(due);
            } catch (SimulatedCrash crash) {
                crashed();
            }
            if (wrongNow || time.ran() - skippedDriftChecks != ran) {
                account(); // else only skipped drift checks ran: nothing changed, and no wrong-proxy time runs to add up
            }
        }
        time.runUntil(at);
    }

    private void apply(TimelineEvent event) {
        if (!(event instanceof TimelineEvent.Scan || event instanceof TimelineEvent.Expect || event instanceof TimelineEvent.Download)) {
            changedSinceDriftCheck = true;
        }
        if (event instanceof TimelineEvent.Network n) {
            NetworkLocation location = n.location() == null ? NetworkLocation.offline() : n.location();
            wpad = n.wpad();
            if (asleep) {
                network.setQuietly(location);
            } else {
                network.moveTo(location);
            }
        } else if (event instanceof TimelineEvent.UserProxy u) {
            user.set(u.settings());
            if (!asleep) {
                engine.userProxyChanged();
            }
        } else if (event instanceof TimelineEvent.Scan) {
            scan();
        } else if (event instanceof TimelineEvent.Download) {
            download();
        } else if (event instanceof TimelineEvent.NextScan n) {
            nextScan(n);
        } else if (event instanceof TimelineEvent.ScanFailed f) {
            scanReports.report(ScanResult.failed(time.instant(), f.code()));
        } else if (event instanceof TimelineEvent.ProxyAnswers p) {
            verifier.set(p.server(), p.answer());
        } else if (event instanceof TimelineEvent.Use use) {
            use(use);
        } else if (event instanceof TimelineEvent.Pause p) {
            engine.setPaused(p.paused());
        } else if (event instanceof TimelineEvent.Sleep) {
            asleep = true;
            engine.suspend();
        } else if (event instanceof TimelineEvent.Resume) {
            asleep = false;
            engine.resume();
        } else if (event instanceof TimelineEvent.ForeignWrite f) {
            store.foreignWrite(f.proxy());
        } else if (event instanceof TimelineEvent.Expect e) {
            check(e);
        } else if (event instanceof TimelineEvent.WindowsUpdate w) {
            updateSource = w.source();
            userProxyFallback = w.userProxyFallback();
            baseline = new WindowsUpdateBaseline(baseline.machine(), updateSource, userProxyFallback);
            forgetJudged();
        } else if (event instanceof TimelineEvent.Fault f) {
            switch (f.kind()) {
                case WRITE_DENIED -> store.failNextWrite(StoreException.Reason.DENIED);
                case WRITE_FAILS_ONCE -> store.failNextWrite(StoreException.Reason.FAILED);
                case SERVICE_RESTART_TIMEOUT -> service.failNextRestart();
                case CRASH -> crashArmed = true;
            }
        }
    }

    private void use(TimelineEvent.Use use) {
        if (use.profile().equals("auto")) {
            engine.useAutomatic();
            return;
        }
        try {
            engine.use(use.profile(), use.sticky());
        } catch (IllegalArgumentException e) {
            problems++;
            printProblem(line("problem").put("code", "use").put("message", "line " + use.line() + ": " + e.getMessage()));
        }
    }

    /** Windows re-arms its Schedule Scan task: the simulated Windows scans then (unless asleep), and the engine re-reads the time. */
    private void nextScan(TimelineEvent.NextScan next) {
        if (scheduledScan != null) {
            scheduledScan.cancel();
        }
        scheduledAt = next.at().isPresent() ? Optional.of(START.plusMillis(Math.round(next.at().getAsDouble() * 1000))) : Optional.empty();
        laptop.schedule.set(scheduledAt);
        scheduledScan = scheduledAt.map(at -> windows.after(Duration.between(time.instant(), at), () -> {
            scheduledScan = null;
            laptop.schedule.set(Optional.empty()); // run: the next one is unknown until a timeline line sets it
            if (!asleep) {
                scan(true);
            }
        })).orElse(null);
        engine.nextScanChanged();
    }

    private void scan() {
        scan(false);
    }

    private void scan(boolean scheduled) {
        scans++;
        Judged now = judged();
        UpdateProxy effective = service.effective();
        Boolean fits = engine.state().paused() || now.expected().isEmpty() ? null : now.expected().get().equals(effective);
        scansFitting += Boolean.TRUE.equals(fits) ? 1 : 0;
        Optional<WindowsUpdateBaseline.Attempt> base = now.baseline();
        baselineScansFitting += base.isPresent() && base.get().fits() ? 1 : 0;
        if (all || (options.output() == Output.FAILURES && Boolean.FALSE.equals(fits))) {
            ObjectNode scan = line("scan");
            scan.set("effective", proxyJson(effective));
            scan.set("expected", now.expected().isPresent() ? proxyJson(now.expected().get()) : null);
            if (fits == null) {
                scan.putNull("fits");
            } else {
                scan.put("fits", fits);
            }
            if (!now.engine().equals(now.expected())) {
                // The engine's own view differs from the reference evaluation: a rule or resolution bug in one of them.
                scan.set("engineExpected", now.engine().map(ProxyJson::write).orElse(null));
            }
            scan.set("baseline", now.baselineJson());
            if (scheduled) {
                scan.put("scheduled", true);
            }
            out.accept(scan);
        }
        if (fits != null) {
            changedSinceDriftCheck |= !fits;
            // What the WindowsUpdateClient log reports: a proxy that does not fit fails the scan.
            scanReports.report(fits ? ScanResult.succeeded(time.instant()) : ScanResult.failed(time.instant(), WRONG_PROXY_ERROR));
        }
    }

    /** A Delivery Optimization download: through the user's own proxy as it resolves here, judged against the route out. */
    private void download() {
        Judged now = judged();
        NetworkLocation here = now.key.location() == null ? NetworkLocation.offline() : now.key.location();
        Optional<UserProxySettings> settings = user.current();
        UpdateProxy effective = settings.map(u -> ReferenceEvaluation.usersProxy(u, here, wpad)).orElse(service.effective());
        Boolean fits = now.expected().map(needs -> WindowsUpdateBaseline.sameRoute(effective, needs)).orElse(null);
        downloads.count(fits);
        if (all || (options.output() == Output.FAILURES && !Boolean.TRUE.equals(fits))) {
            out.accept(downloads.line(line("download"), effective, now.expected(), settings, fits));
        }
    }

    /** The tray sees each status at once; it acts when the user's proxy must be set or put back. */
    private void scheduleUserProxy(AgentStatus status) {
        if (!userProxyPending && (status.userProxy().needsWrite() || status.userProxy().wanted().isEmpty() && userBackups.backup().isPresent())) {
            userProxyPending = true;
            laptop.soon(() -> {
                userProxyPending = false;
                keepUserProxy();
            });
        }
    }

    /** As the tray in the user's session does on each status: set the user's own proxy where it is wanted. */
    private void keepUserProxy() {
        if (asleep || engine.state().paused()) {
            return;
        }
        UserProxyKeeper.Outcome outcome = userKeeper.keep(engine.status().map(AgentStatus::userProxy).orElse(io.github.wuproxy.port.UserProxyStatus.UNKNOWN));
        if (outcome instanceof UserProxyKeeper.Outcome.Failed failed) {
            problems++;
            printProblem(line("problem").put("code", "user-proxy").put("message", failed.why()));
        } else if (!(outcome instanceof UserProxyKeeper.Outcome.Unchanged)) {
            downloads.written();
            if (all) {
                out.accept(downloads.writeLine(line("write").put("profile", recorder.lastProfile).putNull("winHttpSettings").putNull("bits"),
                        user.current(), user.bytes(), outcome instanceof UserProxyKeeper.Outcome.Restored));
            }
            engine.userProxyChanged(); // the tray hands the new settings over
        }
    }

    /** The simulated user's own proxy settings, as Windows keeps them. */
    public SimulatedUserProxyStore userSettings() {
        return user;
    }

    /** The backup of the user's own settings from before wuproxy's first change, as the tray keeps it. */
    public InMemoryUserProxyBackups userBackups() {
        return userBackups;
    }

    private static ObjectNode baselineJson(WindowsUpdateBaseline.Attempt attempt) {
        ObjectNode node = Json.object();
        node.set("proxy", ProxyJson.write(attempt.proxy()));
        node.put("way", attempt.way().word()).put("fits", attempt.fits());
        if (attempt.fits()) {
            node.putNull("error");
        } else {
            node.put("error", String.format(Locale.ROOT, "0x%08X", attempt.error()));
        }
        return node;
    }

    /** An {@code expect} line: each wanted value against what is found now. */
    private void check(TimelineEvent.Expect expect) {
        expectations++;
        ObjectNode found = Json.object();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> want : expect.wanted().entrySet()) {
            String key = want.getKey();
            String actual = found(key, want.getValue());
            if (key.equals("direct") || key.equals("paused") || key.equals("fits")) {
                if (actual == null) {
                    found.putNull(key);
                } else {
                    found.put(key, Boolean.parseBoolean(actual));
                }
            } else {
                found.put(key, actual);
            }
            if (!java.util.Objects.equals(actual, want.getValue())) {
                wrong.add(key + " " + quoted(want.getValue()) + " expected, found " + quoted(actual));
            }
        }
        boolean pass = wrong.isEmpty();
        if (!pass) {
            failures.add(new Failure(expect.line(), String.join("; ", wrong)));
        }
        if (all || !pass) {
            ObjectNode line = line("expect").put("line", expect.line()).put("pass", pass);
            if (!pass) {
                line.set("found", found);
            }
            out.accept(line);
        }
    }

    private static String quoted(String value) {
        return value == null ? "none" : "\"" + value + "\"";
    }

    /** What is found now for an expectation's key, in the same text form the timeline's value was read into. */
    private String found(String key, String wanted) {
        UpdateProxy machine = store.current();
        return switch (key) {
            case "profile" -> engine.status().map(AgentStatus::profile).orElse(null);
            case "proxy" -> machine instanceof UpdateProxy.Fixed f ? f.server() : "direct";
            case "direct" -> String.valueOf(machine instanceof UpdateProxy.Direct);
            case "paused" -> String.valueOf(engine.state().paused());
            case "problem" -> wanted != null && activeProblems.stream().anyMatch(c -> c.id().equals(wanted)) ? wanted
                    : activeProblems.stream().map(ProblemCode::id).sorted().reduce((a, b) -> a + "," + b).orElse(null);
            default -> {
                Optional<UpdateProxy> expected = judged().expected();
                yield engine.state().paused() || expected.isEmpty() ? null : String.valueOf(expected.get().equals(service.effective()));
            }
        };
    }

    /**
     * What the reference evaluation, the engine and the baseline make of the network now; worked out
     * again only when something it depends on changed (the location, the user's settings, a manual
     * choice or pause, a proxy's answers).
     */
    private Judged judged() {
        if (judged != null && judged.key.holds(network.location(), user.current(), engine.state(), verifier.version(), engine)) {
            return judged; // asked after every line and timer: no new key while nothing changed
        }
        ExpectedKey key = new ExpectedKey(network.location(), user.current(), engine.state(), verifier.version(), engine);
        for (Judged before : judgedBefore) {
            if (before != null && before.key.equals(key)) { // back at a place, with the same settings
                judged = before;
                return judged;
            }
        }
        NetworkLocation here = key.location();
        Optional<UpdateProxy> expected = reference.expected(here, key.user(), key.state().manual(), wpad);
        // plain calls, not Optional.map: see Watched
        Optional<UpdateProxy> users = key.user().isPresent() ? Optional.of(ReferenceEvaluation.usersProxy(key.user().get(), here, wpad))
                : Optional.empty();
        Optional<WindowsUpdateBaseline.Attempt> base = expected.isPresent()
                ? Optional.of(baseline.scan(new WindowsUpdateBaseline.Network(expected.get(), wpad, users))) : Optional.empty();
        judged = new Judged(key, expected, base);
        judgedBefore[judgedNext] = judged;
        judgedNext = (judgedNext + 1) % judgedBefore.length;
        return judged;
    }

    private void forgetJudged() {
        judged = null;
        java.util.Arrays.fill(judgedBefore, null);
    }

    /**
     * The network now, judged: by the reference evaluation, as the baseline would scan, and by the
     * engine (asked only for a scan line that is printed, while its inputs are still the same).
     */
    private final class Judged {
        private final ExpectedKey key;
        private final Optional<UpdateProxy> expected;
        private final Optional<WindowsUpdateBaseline.Attempt> baseline;
        private Optional<UpdateProxy> byEngine;
        private JsonNode baselineJson;

        Judged(ExpectedKey key, Optional<UpdateProxy> expected, Optional<WindowsUpdateBaseline.Attempt> baseline) {
            this.key = key;
            this.expected = expected;
            this.baseline = baseline;
        }

        Optional<UpdateProxy> expected() {
            return expected;
        }

        Optional<WindowsUpdateBaseline.Attempt> baseline() {
            return baseline;
        }

        /** The baseline as a scan line shows it: made once, shared by the lines that show it. */
        JsonNode baselineJson() {
            if (baselineJson == null) {
                baselineJson = baseline.isPresent() ? Simulation.baselineJson(baseline.get()) : com.fasterxml.jackson.databind.node.NullNode.getInstance();
            }
            return baselineJson;
        }

        Optional<UpdateProxy> engine() {
            if (byEngine == null) {
                byEngine = engine.preview(key.location()).proxy();
            }
            return byEngine;
        }
    }

    /** The location by identity: the scripted source hands out the timeline's own objects. */
    private record ExpectedKey(NetworkLocation location, Optional<UserProxySettings> user, io.github.wuproxy.port.AgentState state,
            int answers, SyncEngine engine) {
        boolean holds(NetworkLocation location, Optional<UserProxySettings> user, io.github.wuproxy.port.AgentState state, int answers,
                SyncEngine engine) {
            return this.location == location && (this.user == user || this.user.equals(user)) && (this.state == state || this.state.equals(state))
                    && this.answers == answers && this.engine == engine;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExpectedKey k && holds(k.location, k.user, k.state, k.answers, k.engine);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(location);
        }
    }

    /** Setup scripts as the snapshot recorded them; WPAD as the timeline's network says. */
    private final class TimelinePac implements PacResolver {
        private final ProbedPacResolver scripts = new ProbedPacResolver();

        @Override
        public UpdateProxy resolve(Optional<String> pacUrl, NetworkLocation at) throws PacException {
            if (pacUrl.isPresent()) {
                return scripts.resolve(pacUrl, at);
            }
            return wpad.orElseThrow(() -> new PacException("no WPAD script was found (ERROR_WINHTTP_AUTODETECTION_FAILED, 12180)"));
        }
    }

    /** The last proxies written into lines, as JSON: a laptop uses a few again and again (lines are not changed once made). */
    private final UpdateProxy[] shownProxies = new UpdateProxy[4];
    private final ObjectNode[] shownJson = new ObjectNode[4];
    private int shownNext;

    private ObjectNode proxyJson(UpdateProxy proxy) {
        for (int i = 0; i < shownProxies.length; i++) {
            if (proxy.equals(shownProxies[i])) {
                return shownJson[i];
            }
        }
        ObjectNode json = ProxyJson.write(proxy);
        shownProxies[shownNext] = proxy;
        shownJson[shownNext] = json;
        shownNext = (shownNext + 1) % shownProxies.length;
        return json;
    }

    /** The registry write of this step: WinHTTP and BITS writes of one apply make one line (null when not printed). */
    private ObjectNode pendingWrite() {
        if (!writePending) {
            writePending = true;
            writes++;
            if (all) {
                pendingWrite = line("write").put("profile", recorder.lastProfile).putNull("winHttpSettings").putNull("bits");
            }
        }
        return pendingWrite;
    }

    private void flush() {
        writePending = false;
        if (pendingWrite != null) {
            out.accept(pendingWrite);
            pendingWrite = null;
        }
        pendingRestarts.forEach(out);
        pendingRestarts.clear();
    }

    /** Adds up the time the service used another proxy than the network calls for. */
    private void account() {
        flush();
        Instant now = time.instant();
        if (wrongNow) {
            wrongMillis += Duration.between(accountedUntil, now).toMillis();
        }
        accountedUntil = now;
        Optional<UpdateProxy> expected = judged().expected();
        wrongNow = !asleep && !engine.state().paused() && expected.isPresent() && !expected.get().equals(service.effective());
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (SimulatedCrash crash) {
            crashed();
        }
    }

    private void crashed() {
        flush();
        if (all) {
            out.accept(line("agent").put("event", "crashed"));
        }
        guarded(() -> {
            startEngine();
            if (all) {
                out.accept(line("agent").put("event", "restarted"));
            }
        });
    }

    private void printProblem(ObjectNode line) {
        if (options.output() != Output.SUMMARY) {
            out.accept(line);
        }
    }

    private ObjectNode line(String type) {
        ObjectNode node = Json.object();
        node.put("t", Duration.between(START, time.instant()).toMillis() / 1000.0);
        node.put("type", type);
        return node;
    }

    /** The agent process dies right after a write, before anything else happens. */
    private static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    private final class Recorder implements Notifier {
        private AgentStatus lastDecision;
        private String lastProfile = "";

        @Override
        public void status(AgentStatus status) {
            scheduleUserProxy(status);
            activeProblems.clear();
            for (AgentStatus.ActiveProblem p : status.problems()) {
                activeProblems.add(p.problem().code());
            }
            AgentStatus last = lastDecision;
            if (last != null && last.profile().equals(status.profile()) && last.why().equals(status.why())
                    && last.wanted().equals(status.wanted())) {
                return;
            }
            lastDecision = status;
            lastProfile = status.profile();
            if (!all) {
                return;
            }
            ObjectNode decision = line("decision").put("profile", status.profile()).put("why", status.why());
            decision.set("desired", status.wanted().isPresent() ? proxyJson(status.wanted().get()) : null);
            out.accept(decision);
        }

        @Override
        public void applied(AppliedChange change) {
            // The store reports the exact bytes as they are written, crash or not.
        }

        @Override
        public void problem(Problem problem) {
            problems++;
            activeProblems.add(problem.code());
            printProblem(line("problem").put("code", problem.code().id()).put("message", problem.text()));
        }

        @Override
        public void verified(ProxyCheck check) {
            if (!all) {
                return;
            }
            out.accept(line("verify").<ObjectNode>set("proxy", proxyJson(check.proxy())).put("outcome", check.outcome().word())
                    .put("detail", check.detail()));
        }

        @Override
        public void preScan(Instant scan, boolean networkChange) {
            prescans++;
            if (all) {
                out.accept(line("prescan").put("scan", Duration.between(START, scan).toMillis() / 1000.0).put("networkChange", networkChange));
            }
        }

        @Override
        public void healing(Heal heal) {
            flush();
            if (!all) {
                return;
            }
            out.accept(line("heal").put("code", heal.scan().code()).put("action", heal.action().word()));
        }
    }
}
