package io.github.wuproxy.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.engine.EnginePorts;
import io.github.wuproxy.engine.SyncEngine;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.Backup;
import io.github.wuproxy.port.ScanSource;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.InMemoryUpdateProxyStore;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedProxyVerifier;
import io.github.wuproxy.sim.SimulatedLaptop;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.sim.VirtualTime;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every step of an apply × every fault that can hit it: the machine ends as it was or as desired,
 * the backup of the original settings is never lost or replaced, the user sees at most one problem
 * (exactly one when the fault lasts), and the engine converges once the fault clears. The matrix is
 * printed at the end of the run (in the Surefire report's output).
 */
class FaultMatrixTest {
    enum Step { READ, BACKUP, STATE, WRITE, READ_BACK, RESTART }

    enum Fault { DENIED, FAILS_ONCE, TIMES_OUT, CRASH_AFTER, READ_BACK_MISMATCH, DISK_FULL, FOREIGN_WRITE_BETWEEN }

    private static final UpdateProxy ORIGINAL = UpdateProxy.fixed("original.example:3128", "<local>");
    private static final UpdateProxy DESIRED = UpdateProxy.direct();
    private static final UpdateProxy FOREIGN = UpdateProxy.fixed("foreign.example:8080", "");
    private static final List<String> MATRIX = new ArrayList<>();

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of(Step.READ, Fault.DENIED), Arguments.of(Step.READ, Fault.FAILS_ONCE), Arguments.of(Step.READ, Fault.TIMES_OUT),
                Arguments.of(Step.BACKUP, Fault.DISK_FULL), Arguments.of(Step.BACKUP, Fault.FAILS_ONCE), Arguments.of(Step.BACKUP, Fault.CRASH_AFTER),
                Arguments.of(Step.STATE, Fault.DISK_FULL), Arguments.of(Step.STATE, Fault.FAILS_ONCE),
                Arguments.of(Step.WRITE, Fault.DENIED), Arguments.of(Step.WRITE, Fault.FAILS_ONCE), Arguments.of(Step.WRITE, Fault.TIMES_OUT),
                Arguments.of(Step.WRITE, Fault.CRASH_AFTER), Arguments.of(Step.WRITE, Fault.FOREIGN_WRITE_BETWEEN),
                Arguments.of(Step.READ_BACK, Fault.FAILS_ONCE), Arguments.of(Step.READ_BACK, Fault.READ_BACK_MISMATCH),
                Arguments.of(Step.READ_BACK, Fault.CRASH_AFTER),
                Arguments.of(Step.RESTART, Fault.DENIED), Arguments.of(Step.RESTART, Fault.FAILS_ONCE), Arguments.of(Step.RESTART, Fault.TIMES_OUT),
                Arguments.of(Step.RESTART, Fault.CRASH_AFTER));
    }

    /** The agent process dies at this point. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("crash", null, false, false);
        }
    }

    /** Ports that fail once at the armed step, or until cleared when the fault lasts. */
    static final class Faults {
        Step step;
        Fault fault;
        boolean lasting;
        int hits;

        boolean hit(Step at) {
            if (step != at || fault == null) {
                return false;
            }
            hits++;
            boolean fire = lasting || hits == 1;
            return fire;
        }

        void clear() {
            fault = null;
        }

        StoreException storeFailure(String call) {
            return fault == Fault.DENIED ? new StoreException(StoreException.Reason.DENIED, call + ": Access is denied [injected]")
                    : new StoreException(StoreException.Reason.FAILED, call + (fault == Fault.TIMES_OUT ? ": timed out" : ": failed") + " [injected]");
        }
    }

    static final class FaultyStore implements UpdateProxyStore {
        final InMemoryUpdateProxyStore machine = InMemoryUpdateProxyStore.holding(ORIGINAL);
        final Faults faults;
        boolean justWrote;

        FaultyStore(Faults faults) {
            this.faults = faults;
        }

        @Override
        public StoredSettings read() throws StoreException {
            Step step = justWrote ? Step.READ_BACK : Step.READ;
            justWrote = false;
            if (faults.hit(step)) {
                switch (faults.fault) {
                    case CRASH_AFTER -> throw new Crash();
                    case READ_BACK_MISMATCH -> {
                        StoredSettings real = machine.read();
                        return new StoredSettings(real.winHttpSettings(), Optional.of(FOREIGN), real.bitsRaw(), real.bits());
                    }
                    default -> throw faults.storeFailure("WinHttpGetDefaultProxyConfiguration");
                }
            }
            return machine.read();
        }

        @Override
        public void writeWinHttp(UpdateProxy proxy) throws StoreException {
            if (faults.step == Step.WRITE && faults.fault != Fault.CRASH_AFTER && faults.fault != Fault.FOREIGN_WRITE_BETWEEN
                    && faults.hit(Step.WRITE)) {
                throw faults.storeFailure("WinHttpSetDefaultProxyConfiguration");
            }
            machine.writeWinHttp(proxy);
            justWrote = true;
            if (faults.step == Step.WRITE && faults.fault == Fault.FOREIGN_WRITE_BETWEEN && faults.hit(Step.WRITE)) {
                machine.foreignWrite(FOREIGN);
            }
            if (faults.step == Step.WRITE && faults.fault == Fault.CRASH_AFTER && faults.hit(Step.WRITE)) {
                throw new Crash();
            }
        }

        @Override
        public void writeBits(UpdateProxy proxy) throws StoreException {
            machine.writeBits(proxy);
            justWrote = true;
        }

        @Override
        public void restore(StoredSettings original) throws StoreException {
            machine.restore(original);
        }

        @Override
        public void watch(Runnable onWrite) {
            // foreign writes are found by the read-back and the next round here
        }
    }

    static final class FaultyState implements StateStore {
        final InMemoryStateStore disk = new InMemoryStateStore();
        final Faults faults;

        FaultyState(Faults faults) {
            this.faults = faults;
        }

        @Override
        public Optional<Backup> backup() {
            return disk.backup();
        }

        @Override
        public void saveBackup(Backup backup) throws StateException {
            if (faults.step == Step.BACKUP && faults.fault != Fault.CRASH_AFTER && faults.hit(Step.BACKUP)) {
                throw new StateException("no space left on device [injected]");
            }
            disk.saveBackup(backup);
            if (faults.step == Step.BACKUP && faults.fault == Fault.CRASH_AFTER && faults.hit(Step.BACKUP)) {
                throw new Crash();
            }
        }

        @Override
        public void deleteBackup() {
            disk.deleteBackup();
        }

        @Override
        public AgentState load() {
            return disk.load();
        }

        @Override
        public void save(AgentState state) throws StateException {
            if (state.restartPending() && faults.hit(Step.STATE)) {
                throw new StateException("no space left on device [injected]");
            }
            disk.save(state);
        }
    }

    static final class FaultyService implements UpdateService {
        final SimulatedUpdateService service;
        final Faults faults;

        FaultyService(FaultyStore store, Faults faults) {
            this.service = new SimulatedUpdateService(store.machine::current);
            this.faults = faults;
        }

        @Override
        public boolean isRunning() throws ServiceException {
            return service.isRunning();
        }

        @Override
        public void restart() throws ServiceException {
            if (faults.hit(Step.RESTART)) {
                switch (faults.fault) {
                    case CRASH_AFTER -> throw new Crash(); // dies before the service was restarted
                    case DENIED -> throw new ServiceException("OpenService: Access is denied [injected]", true);
                    default -> throw new ServiceException("the service did not stop within 30 s [injected]", false);
                }
            }
            service.restart();
        }
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void endsAsItWasOrAsDesiredKeepsTheBackupAndConverges(Step step, Fault fault) {
        Faults faults = new Faults();
        faults.step = step;
        faults.fault = fault;
        faults.lasting = fault == Fault.DENIED || fault == Fault.DISK_FULL;
        VirtualTime time = new VirtualTime(Instant.parse("2026-03-03T08:00:00Z"));
        var store = new FaultyStore(faults);
        StoredSettings original = store.machine.read();
        var state = new FaultyState(faults);
        var service = new FaultyService(store, faults);
        var notifier = new RecordingNotifier();
        var laptop = new SimulatedLaptop(time, store, service, state, notifier, Fixtures.shippedProfiles(), AgentSettings.defaults().engine());
        laptop.network.setQuietly(Fixtures.location("network/home-wifi-edited.json"));
        boolean crashed = false;
        try {
            laptop.boot();
            time.advance(Duration.ofMinutes(3)); // every retry
        } catch (Crash crash) {
            crashed = true;
            laptop.crashAndRestart(); // the service manager starts it again
        }

        StoredSettings during = store.machine.read();
        boolean asItWas = during.winHttp().equals(Optional.of(ORIGINAL)) && during.bits().equals(Optional.of(ORIGINAL));
        boolean asDesired = during.winHttp().equals(Optional.of(DESIRED)) && during.bits().equals(Optional.of(DESIRED));
        assertTrue(asItWas || asDesired, "half-way: " + during);
        state.disk.backup().ifPresent(b -> assertEquals(original, b.original(), "the backup holds the original settings"));
        long problems = notifier.problems.stream().map(p -> p.code()).distinct().count();
        assertTrue(problems <= 1, "one clear problem at most: " + notifier.problems);
        if (faults.lasting) {
            assertEquals(1, notifier.problems.size(), "a lasting fault is reported once: " + notifier.problems);
        }

        faults.clear();
        laptop.engine().syncNow();
        time.advance(Duration.ofMinutes(20));
        StoredSettings after = store.machine.read();
        assertEquals(Optional.of(DESIRED), after.winHttp(), "converged once the fault cleared");
        assertEquals(Optional.of(DESIRED), after.bits());
        assertEquals(DESIRED, service.service.effective(), "Windows Update uses the new proxy");
        assertFalse(state.disk.load().restartPending());
        assertEquals(original, state.disk.backup().orElseThrow().original(), "the backup was never replaced");
        MATRIX.add(String.format("%-10s %-22s %-12s %-9s %s", step, fault, asDesired ? "as desired" : "as it was",
                crashed ? "restarted" : "-", notifier.problems.isEmpty() ? "none (retried)" : notifier.problems.get(0).code().id()));
    }

    @AfterAll
    static void printMatrix() {
        System.out.println("\nFault matrix: step, fault, machine during the fault, crash, problem shown; all converged after");
        MATRIX.forEach(System.out::println);
    }
}
