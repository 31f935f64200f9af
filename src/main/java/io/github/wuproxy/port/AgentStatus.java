package io.github.wuproxy.port;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.Reason;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a front end shows, as one snapshot: the tray of the agent, the tray of the service,
 * {@code wuproxy status} and {@code diagnose} all render this; a new subscriber gets it first.
 *
 * @param basis how the profile came to be chosen
 * @param why the selector's one-line reason
 * @param wanted what the profile asks for here; empty when it could not be worked out
 * @param held what Windows holds now, as last read back; empty when unknown or not understood
 * @param network a short description of the network
 * @param manual the profile chosen by hand, while it holds
 * @param lastSync when the proxy was last confirmed right
 * @param problems the problems whose cause has not cleared, oldest first
 * @param userProxy the signed-in user's own proxy: wanted, why, held
 * @param nextScan when Windows Update's next scheduled scan runs, when known
 * @param reason {@code why} as data, for front ends to render in the user's language
 */
public record AgentStatus(
        String profile,
        Selection.Basis basis,
        String why,
        Optional<UpdateProxy> wanted,
        Optional<UpdateProxy> held,
        String network,
        boolean paused,
        Optional<ManualChoice> manual,
        Optional<Instant> lastSync,
        List<ActiveProblem> problems,
        UserProxyStatus userProxy,
        Optional<Instant> nextScan,
        Reason reason) {

    public AgentStatus {
        problems = List.copyOf(problems);
        userProxy = userProxy == null ? UserProxyStatus.UNKNOWN : userProxy;
        reason = reason == null ? Reason.text(why) : reason;
    }

    /** A status whose reason is known only in English words. */
    public AgentStatus(String profile, Selection.Basis basis, String why, Optional<UpdateProxy> wanted, Optional<UpdateProxy> held,
            String network, boolean paused, Optional<ManualChoice> manual, Optional<Instant> lastSync, List<ActiveProblem> problems,
            UserProxyStatus userProxy, Optional<Instant> nextScan) {
        this(profile, basis, why, wanted, held, network, paused, manual, lastSync, problems, userProxy, nextScan, Reason.text(why));
    }

    /**
     * Every component, as a record compares them, written out: the engine compares each status it
     * builds with the last, and the generated form costs several times this before the JIT's second tier.
     */
    @Override
    public boolean equals(Object other) {
        // lastSync first: a round's status differs from the last one by it alone, most often
        return other == this || other instanceof AgentStatus o && paused == o.paused && basis == o.basis && Objects.equals(lastSync, o.lastSync)
                && Objects.equals(profile, o.profile) && Objects.equals(why, o.why) && Objects.equals(wanted, o.wanted)
                && Objects.equals(held, o.held) && Objects.equals(network, o.network) && Objects.equals(manual, o.manual)
                && Objects.equals(problems, o.problems) && Objects.equals(userProxy, o.userProxy)
                && Objects.equals(nextScan, o.nextScan) && Objects.equals(reason, o.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, basis, why, wanted, held, network, paused, manual, lastSync, problems, userProxy, nextScan, reason);
    }

    /** A status that says nothing of the user's own proxy or the next scan. */
    public AgentStatus(String profile, Selection.Basis basis, String why, Optional<UpdateProxy> wanted, Optional<UpdateProxy> held,
            String network, boolean paused, Optional<ManualChoice> manual, Optional<Instant> lastSync, List<ActiveProblem> problems) {
        this(profile, basis, why, wanted, held, network, paused, manual, lastSync, problems, UserProxyStatus.UNKNOWN, Optional.empty());
    }

    /** A problem that is still there, and since when. */
    public record ActiveProblem(Problem problem, Instant since) {}

    public boolean sticky() {
        return basis == Selection.Basis.STICKY;
    }

    public boolean manualChoice() {
        return basis == Selection.Basis.MANUAL || basis == Selection.Basis.STICKY;
    }

    public AgentStatus withUserProxy(UserProxyStatus value) {
        return new AgentStatus(profile, basis, why, wanted, held, network, paused, manual, lastSync, problems, value, nextScan, reason);
    }

    public AgentStatus withHeld(Optional<UpdateProxy> value) {
        return new AgentStatus(profile, basis, why, wanted, value, network, paused, manual, lastSync, problems, userProxy, nextScan, reason);
    }

    public AgentStatus withPaused(boolean value) {
        return new AgentStatus(profile, basis, why, wanted, held, network, value, manual, lastSync, problems, userProxy, nextScan, reason);
    }

    public AgentStatus withLastSync(Instant at) {
        return new AgentStatus(profile, basis, why, wanted, held, network, paused, manual, Optional.of(at), problems, userProxy, nextScan, reason);
    }

    public AgentStatus withProblems(List<ActiveProblem> value) {
        return new AgentStatus(profile, basis, why, wanted, held, network, paused, manual, lastSync, value, userProxy, nextScan, reason);
    }

    public AgentStatus withNextScan(Optional<Instant> value) {
        return new AgentStatus(profile, basis, why, wanted, held, network, paused, manual, lastSync, problems, userProxy, value, reason);
    }
}
