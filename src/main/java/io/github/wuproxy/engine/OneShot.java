package io.github.wuproxy.engine;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.ProxySetAnswer;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import java.time.InstantSource;

/**
 * The proxycfg verbs done once, without the engine: back up the originals if this is the first
 * change, write, read back, and restart Windows Update; a failed step puts the previous value back.
 */
public final class OneShot {
    private OneShot() {}

    /** The step that failed, as the user should see it. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Failure(Problem problem) {
            super(problem.text());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Returns what was done. */
    public static ProxySetAnswer apply(UpdateProxyStore store, UpdateService service, StateStore state, InstantSource clock, UpdateProxy proxy)
            throws Failure {
        var applier = new Applier(store, service, state, clock);
        AgentState current;
        try {
            current = state.load();
        } catch (StateException e) {
            current = AgentState.INITIAL;
        }
        var holder = new AgentState[] {current};
        try {
            Applier.Result result = applier.apply(proxy, true, true, current, change -> {
                holder[0] = change.apply(holder[0]);
                try {
                    state.save(holder[0]);
                } catch (StateException e) {
                    throw new ApplyFailure(new Problem(io.github.wuproxy.core.problem.ProblemCode.STATE_FAILED,
                            io.github.wuproxy.core.problem.Severity.ERROR, "Could not save wuproxy's state, so the proxy was not changed",
                            e.getMessage(), "Free some disk space or fix the permissions of the state folder"), false);
                }
            });
            return answer(proxy, result, false);
        } catch (ApplyFailure e) {
            throw new Failure(e.problem());
        }
    }

    static ProxySetAnswer answer(UpdateProxy proxy, Applier.Result result, boolean paused) {
        return new ProxySetAnswer(proxy, result.wroteWinHttp() || result.wroteBits(), result.before(), result.restarted(), paused);
    }
}
