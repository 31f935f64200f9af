package io.github.wuproxy.engine;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.Backup;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The steps of one apply: read, back up once, write, read back, restart Windows Update. A failed
 * step leaves the machine as it was (rolled back) or as desired, never half-way.
 */
final class Applier {
    private final UpdateProxyStore store;
    private final UpdateService service;
    private final StateStore stateStore;
    private final InstantSource clock;

    /** The WinHTTP value wuproxy itself last wrote or put back, to tell its own writes from others'. */
    private Optional<Optional<UpdateProxy>> lastOwnWinHttp = Optional.empty();

    Applier(UpdateProxyStore store, UpdateService service, StateStore stateStore, InstantSource clock) {
        this.store = store;
        this.service = service;
        this.stateStore = stateStore;
        this.clock = clock;
    }

    /** What an apply did. */
    record Result(boolean wroteWinHttp, boolean wroteBits, boolean restarted, Optional<UpdateProxy> before) {}

    StoredSettings read() throws ApplyFailure {
        try {
            return store.read();
        } catch (StoreException e) {
            throw storeFailure(ProblemCode.READ_FAILED, "Could not read the Windows Update proxy", e);
        }
    }

    Result apply(UpdateProxy desired, boolean bitsToo, boolean restartService, AgentState state, StateWriter states)
            throws ApplyFailure {
        StoredSettings before = read();
        boolean winHttpChange = !before.winHttp().equals(Optional.of(desired));
        boolean bitsChange = bitsToo && !before.bits().equals(Optional.of(desired));
        if (!winHttpChange && !bitsChange) {
            boolean restarted = state.restartPending() && restart(restartService, states);
            return new Result(false, false, restarted, before.winHttp());
        }
        backUpOnce(before);
        if (winHttpChange && restartService) {
            states.save(s -> s.withRestartPending(true)); // survives a crash between write and restart
        }
        try {
            if (winHttpChange) {
                write(desired, before, false);
            }
            if (bitsChange) {
                write(desired, before, true);
            }
        } catch (ApplyFailure e) {
            // Rolled back: nothing new to load. Not rolled back: the new value may be in place, so restart next time.
            boolean mayBeNew = e.rollBackFailed() && winHttpChange && restartService;
            states.save(s -> s.withRestartPending(state.restartPending() || mayBeNew));
            throw e;
        }
        boolean restarted = (winHttpChange || state.restartPending()) && restart(restartService, states);
        if (winHttpChange && !restartService) {
            states.save(s -> s.withRestartPending(false));
        }
        return new Result(winHttpChange, bitsChange, restarted, before.winHttp());
    }

    private void backUpOnce(StoredSettings before) throws ApplyFailure {
        try {
            if (stateStore.backup().isEmpty()) {
                stateStore.saveBackup(new Backup(before, clock.instant()));
            }
        } catch (StateException e) {
            throw new ApplyFailure(new Problem(ProblemCode.BACKUP_FAILED, Severity.ERROR,
                    "Could not back up the original proxy settings, so nothing was changed", e.getMessage(),
                    "Free some disk space or fix the permissions of the state folder; wuproxy tries again at the next check"), true);
        }
    }

    private void write(UpdateProxy desired, StoredSettings before, boolean bits) throws ApplyFailure {
        String what = bits ? "the BITS proxy" : "the Windows Update proxy";
        try {
            if (bits) {
                store.writeBits(desired);
            } else {
                lastOwnWinHttp = Optional.of(Optional.of(desired));
                store.writeWinHttp(desired);
            }
        } catch (StoreException e) {
            rollBack(before);
            throw storeFailure(ProblemCode.WRITE_FAILED, "Could not set " + what + " to " + desired.describe(), e);
        }
        StoredSettings after;
        try {
            after = store.read();
        } catch (StoreException e) {
            rollBack(before); // what was written cannot be confirmed: put back what is known
            throw storeFailure(ProblemCode.READ_BACK_MISMATCH, "Could not read back " + what + " after setting it", e);
        }
        Optional<UpdateProxy> stored = bits ? after.bits() : after.winHttp();
        if (!stored.equals(Optional.of(desired))) {
            rollBack(before);
            throw new ApplyFailure(new Problem(ProblemCode.READ_BACK_MISMATCH, Severity.ERROR,
                    "Set " + what + " to " + desired.describe() + ", but reading it back gave "
                            + stored.map(UpdateProxy::describe).orElse("a value wuproxy does not understand"),
                    "something else changed it at the same moment, or Windows did not keep it; the previous setting was put back",
                    "Run `wuproxy diagnose`; if another program manages the proxy, set foreign-write = yield in agent.conf"), true);
        }
    }

    private void rollBack(StoredSettings before) throws ApplyFailure {
        try {
            lastOwnWinHttp = Optional.of(before.winHttp());
            store.restore(before);
        } catch (StoreException e) {
            throw storeFailure(ProblemCode.WRITE_FAILED, "Could not put the previous proxy settings back after a failed change", e)
                    .withRollBackFailed();
        }
    }

    boolean isOwnWrite(StoredSettings now) {
        return lastOwnWinHttp.isPresent() && lastOwnWinHttp.get().equals(now.winHttp());
    }

    /** A restart a crash interrupted (the proxy was written, Windows Update may not have read it): done now. */
    void finishRestart(boolean restartService, StateWriter states) throws ApplyFailure {
        if (!restart(restartService, states)) {
            states.save(s -> s.withRestartPending(false));
        }
    }

    /** Restarts wuauserv if it runs; a stopped service reads the proxy when it next starts. */
    private boolean restart(boolean restartService, StateWriter states) throws ApplyFailure {
        if (!restartService) {
            return false;
        }
        try {
            boolean running = service.isRunning();
            if (running) {
                service.restart();
            }
            states.save(s -> s.withRestartPending(false));
            return running;
        } catch (ServiceException e) {
            throw new ApplyFailure(new Problem(ProblemCode.SERVICE_RESTART_FAILED, Severity.ERROR,
                    "The proxy is set, but the Windows Update service could not be restarted to use it", e.getMessage(),
                    e.denied() ? "Restarting a service needs administrator rights: run the wuproxy service, or restart "
                            + "\"Windows Update\" in services.msc" : "wuproxy tries again; restarting Windows also makes it take the new proxy"),
                    !e.denied());
        }
    }

    private static ApplyFailure storeFailure(ProblemCode code, String whatFailed, StoreException e) {
        if (e.reason() == StoreException.Reason.DENIED) {
            return new ApplyFailure(new Problem(ProblemCode.WRITE_DENIED, Severity.ERROR, whatFailed, e.getMessage(),
                    "Changing the machine-wide proxy needs administrator rights: run the wuproxy service, or run "
                            + "`wuproxy agent` from an elevated prompt"), false);
        }
        return new ApplyFailure(new Problem(code, Severity.ERROR, whatFailed, e.getMessage(),
                "wuproxy tries again; if this keeps happening, run `wuproxy diagnose`"), true);
    }

    /** Saves agent state, turning a failure into an apply failure. */
    interface StateWriter {
        void save(java.util.function.UnaryOperator<AgentState> change) throws ApplyFailure;
    }
}
