package io.github.wuproxy.sim;

import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.ScanResult;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Replays a timeline through the real {@link SyncEngine} over simulated ports in virtual time, and
 * reports every decision, write, restart, scan and problem as one JSON object per line.
 */
public final class Simulation {
    /** Timeline second 0. */
    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    /** What a scan through a proxy that does not fit the network fails with: ERROR_WINHTTP_CANNOT_CONNECT. */
    static final int WRONG_PROXY_ERROR = 0x80072EFD;

    private final ProfileSet profiles;
    private final AgentSettings settings;
    private final Consumer<ObjectNode> out;
    private final VirtualTime time = new VirtualTime(START);
    private final ScriptedNetworkLocationSource network = new ScriptedNetworkLocationSource();
    private final InMemoryUpdateProxyStore store = InMemoryUpdateProxyStore.direct();
    private final SimulatedUserProxySource user = new SimulatedUserProxySource(UserProxySettings.DIRECT);
    private final SimulatedUpdateService service = new SimulatedUpdateService(store::current);
    private final InMemoryStateStore state = new InMemoryStateStore();
    private final SimulatedUpdateScanner scanner = new SimulatedUpdateScanner();
    private final SimulatedProxyVerifier verifier = new SimulatedProxyVerifier();
    private final ScriptedScanSource scanReports = new ScriptedScanSource();
    private final Recorder recorder = new Recorder();
    private final List<ObjectNode> pendingRestarts = new java.util.ArrayList<>();
    private ObjectNode pendingWrite;
    private ExpectedKey expectedKey;
    private Optional<UpdateProxy> expected = Optional.empty();
    private VirtualTime.Scope timers;
    private SyncEngine engine;
    private boolean crashArmed;
    private boolean asleep;
    private Instant accountedUntil = START;
    private boolean wrongNow;
    private long wrongMillis;
    private int scans;
    private int scansFitting;
    private int writes;
    private int problems;

    public Simulation(ProfileSet profiles, AgentSettings settings, Consumer<ObjectNode> out) {
        this.profiles = profiles;
        this.settings = settings;
        this.out = out;
    }

    /** What a replay found. */
    public record Summary(int scans, int scansFitting, int writes, int restarts, double wrongProxySeconds, int problems) {}

    public Summary run(List<TimelineEvent> events) {
        network.start(() -> engine.networkChanged());
        store.watch(() -> timers.after(Duration.ZERO, () -> engine.storeWritten()));
        store.afterBitsWrite(() -> pendingWrite().set("bits", ProxyJson.write(store.read().bits().orElseThrow())));
        store.afterWrite(() -> {
            pendingWrite().put("winHttpSettings", HexFormat.of().formatHex(store.winHttpSettings()));
            if (crashArmed) {
                crashArmed = false;
                throw new SimulatedCrash();
            }
        });
        // Printed after the write that caused it, at the end of the step.
        service.onRestart(() -> pendingRestarts.add(line("restart").put("service", "wuauserv")));
        scanReports.watch(scan -> engine.scanFinished(scan));
        scanner.onScan(() -> timers.after(Duration.ZERO, this::scan));
        guarded(this::startEngine);
        account();
        for (TimelineEvent event : events) {
            Instant at = START.plusMillis(Math.round(event.t() * 1000));
            runTimersUntil(at);
            guarded(() -> apply(event));
            account();
        }
        runTimersUntil(time.instant());
        account();
        Summary summary = new Summary(scans, scansFitting, writes, service.restarts(), wrongMillis / 1000.0, problems);
        out.accept(line("summary").put("scans", summary.scans()).put("scansFitting", summary.scansFitting())
                .put("writes", summary.writes()).put("restarts", summary.restarts())
                .put("wrongProxySeconds", summary.wrongProxySeconds()).put("problems", summary.problems()));
        return summary;
    }

    private void startEngine() {
        timers = time.scope();
        engine = new SyncEngine(new EnginePorts(network, store, user, new ProbedPacResolver(), service, scanner, verifier,
                state, recorder, timers, time),
                profiles, settings.engine());
        engine.start();
    }

    private void runTimersUntil(Instant at) {
        Optional<Instant> next;
        while ((next = time.nextDue()).isPresent() && !next.get().isAfter(at)) {
            Instant due = next.get();
            guarded(() -> time.runUntil(due));
            account();
        }
        time.runUntil(at);
    }

    private void apply(TimelineEvent event) {
        if (event instanceof TimelineEvent.Network n) {
            NetworkLocation location = n.location() == null ? NetworkLocation.offline() : n.location();
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
            out.accept(line("problem").put("code", "use").put("message", "line " + use.line() + ": " + e.getMessage()));
        }
    }

    private void scan() {
        scans++;
        ObjectNode scan = line("scan");
        scan.set("effective", ProxyJson.write(service.effective()));
        Optional<UpdateProxy> expected = expected();
        scan.set("expected", expected.map(ProxyJson::write).orElse(null));
        if (engine.state().paused() || expected.isEmpty()) {
            scan.putNull("fits");
        } else {
            boolean fits = expected.get().equals(service.effective());
            scansFitting += fits ? 1 : 0;
            scan.put("fits", fits);
        }
        out.accept(scan);
        if (scan.get("fits").isBoolean()) {
            // What the WindowsUpdateClient log reports: a proxy that does not fit fails the scan.
            scanReports.report(scan.get("fits").booleanValue() ? ScanResult.succeeded(time.instant())
                    : ScanResult.failed(time.instant(), WRONG_PROXY_ERROR));
        }
    }

    /**
     * What the network calls for now; worked out again only when something it depends on changed
     * (the location, the user's settings, a manual choice or pause, a proxy's answers).
     */
    private Optional<UpdateProxy> expected() {
        ExpectedKey key = new ExpectedKey(network.location(), user.current(), engine.state(), verifier.version(), engine);
        if (!key.equals(expectedKey)) {
            expectedKey = key;
            expected = engine.preview(key.location()).proxy();
        }
        return expected;
    }

    /** The location by identity: the scripted source hands out the timeline's own objects. */
    private record ExpectedKey(NetworkLocation location, Optional<UserProxySettings> user, io.github.wuproxy.port.AgentState state,
            int answers, SyncEngine engine) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ExpectedKey k && k.location == location && k.user.equals(user) && k.state.equals(state)
                    && k.answers == answers && k.engine == engine;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(location);
        }
    }

    /** Adds up the time the service used another proxy than the network calls for. */
    /** The registry write of this step: WinHTTP and BITS writes of one apply make one line. */
    private ObjectNode pendingWrite() {
        if (pendingWrite == null) {
            writes++;
            pendingWrite = line("write").put("profile", recorder.lastProfile).putNull("winHttpSettings").putNull("bits");
        }
        return pendingWrite;
    }

    private void flush() {
        if (pendingWrite != null) {
            out.accept(pendingWrite);
            pendingWrite = null;
        }
        pendingRestarts.forEach(out);
        pendingRestarts.clear();
    }

    private void account() {
        flush();
        Instant now = time.instant();
        if (wrongNow) {
            wrongMillis += Duration.between(accountedUntil, now).toMillis();
        }
        accountedUntil = now;
        Optional<UpdateProxy> expected = expected();
        wrongNow = !asleep && !engine.state().paused() && expected.isPresent() && !expected.get().equals(service.effective());
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (SimulatedCrash crash) {
            flush();
            out.accept(line("agent").put("event", "crashed"));
            timers.close();
            guarded(() -> {
                startEngine();
                out.accept(line("agent").put("event", "restarted"));
            });
        }
    }

    private ObjectNode line(String type) {
        ObjectNode node = Json.MAPPER.createObjectNode();
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
        private String lastDecision = "";
        private String lastProfile = "";

        @Override
        public void status(AgentStatus status) {
            String key = status.profile() + "|" + status.why() + "|" + status.wanted();
            if (key.equals(lastDecision)) {
                return;
            }
            lastDecision = key;
            lastProfile = status.profile();
            ObjectNode decision = line("decision").put("profile", status.profile()).put("why", status.why());
            decision.set("desired", status.wanted().map(ProxyJson::write).orElse(null));
            out.accept(decision);
        }

        @Override
        public void applied(AppliedChange change) {
            // The store reports the exact bytes as they are written, crash or not.
        }

        @Override
        public void problem(Problem problem) {
            problems++;
            out.accept(line("problem").put("code", problem.code().id()).put("message", problem.text()));
        }

        @Override
        public void verified(ProxyCheck check) {
            out.accept(line("verify").<ObjectNode>set("proxy", ProxyJson.write(check.proxy())).put("outcome", check.outcome().word())
                    .put("detail", check.detail()));
        }

        @Override
        public void healing(Heal heal) {
            flush();
            out.accept(line("heal").put("code", heal.scan().code()).put("action", heal.action().word()));
        }
    }
}
