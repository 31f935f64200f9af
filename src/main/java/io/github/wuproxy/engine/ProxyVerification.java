package io.github.wuproxy.engine;

import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.profile.Verification;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.ProxyVerifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Tests a profile's proxy before it is kept, as its {@code verify} says, and falls back to the
 * profile's {@code fallback} list. Results are remembered while the laptop stays on one network, so
 * drift checks do not probe; a failed scan (heal) and "sync now" test again.
 */
final class ProxyVerification {
    /** What to write, and the warning to show when {@code verify = warn} let a failing proxy through. */
    record Outcome(Desired desired, Optional<Problem> warning) {}

    private final ProxyVerifier verifier;
    private final Map<UpdateProxy, ProxyCheck> remembered = new HashMap<>();
    private LocationFingerprint rememberedAt;

    ProxyVerification(ProxyVerifier verifier) {
        this.verifier = verifier;
    }

    /** Forgets every result, so the next round tests again (after a failed scan, or on "sync now"). */
    void forget() {
        remembered.clear();
    }

    /** Verifies with remembered results; reports each test actually made to {@code tested}. */
    Outcome verify(Desired desired, LocationFingerprint where, Consumer<ProxyCheck> tested) {
        if (!where.equals(rememberedAt)) {
            remembered.clear();
            rememberedAt = where;
        }
        return decide(desired, tested);
    }

    /** Verifies afresh without remembering: what the network calls for right now. */
    Outcome verifyAfresh(Desired desired) {
        return decide(desired, null);
    }

    private ProxyCheck remembered(UpdateProxy proxy, Consumer<ProxyCheck> tested) {
        ProxyCheck check = remembered.get(proxy);
        if (check == null) {
            check = verifier.check(proxy);
            tested.accept(check);
            remembered.put(proxy, check);
        }
        return check;
    }

    /** Tests each proxy afresh when {@code tested} is null, else with remembered results. */
    private ProxyCheck check(UpdateProxy proxy, Consumer<ProxyCheck> tested) {
        return tested == null ? verifier.check(proxy) : remembered(proxy, tested);
    }

    private Outcome decide(Desired desired, Consumer<ProxyCheck> tested) {
        Verification verification = desired.selection().profile().verification();
        if (verification.mode() == Verification.Mode.OFF || desired.proxy().isEmpty()) {
            return new Outcome(desired, Optional.empty());
        }
        UpdateProxy wanted = desired.proxy().get();
        ProxyCheck first = check(wanted, tested);
        if (first.reached()) {
            return new Outcome(desired, Optional.empty());
        }
        String profile = desired.selection().profile().name();
        if (verification.mode() == Verification.Mode.WARN) {
            return new Outcome(desired, Optional.of(new Problem(ProblemCode.PROXY_UNVERIFIED, Severity.WARNING,
                    "Windows Update may not get through the proxy of profile " + profile, first.describe(),
                    "wuproxy set it anyway (verify = warn); set verify = required and a fallback list to try others, or ask IT")));
        }
        List<ProxyCheck> failed = new ArrayList<>(List.of(first));
        for (UpdateProxy candidate : verification.fallback()) {
            if (candidate.equals(wanted)) {
                continue;
            }
            ProxyCheck next = check(candidate, tested);
            if (next.reached()) {
                return new Outcome(Desired.of(because(desired.selection(), failed, candidate), candidate, desired.note()), Optional.empty());
            }
            failed.add(next);
        }
        String all = failed.stream().map(ProxyCheck::describe).collect(Collectors.joining("; "));
        return new Outcome(Desired.unresolved(desired.selection(), new Problem(ProblemCode.PROXY_UNVERIFIED, Severity.ERROR,
                "No proxy of profile " + profile + " reaches Windows Update here, so none was set", all,
                "the proxy stays as it is; check the proxies with `wuproxy diagnose`, or add one that works to `fallback`")),
                Optional.empty());
    }

    private static Selection because(Selection s, List<ProxyCheck> failed, UpdateProxy chosen) {
        String why = s.why() + "; " + failed.stream().map(c -> c.proxy().describe() + " failed the check (" + c.detail() + ")")
                .collect(Collectors.joining(", ")) + ", so fallback " + chosen.describe();
        return new Selection(s.profile(), s.basis(), why, s.manualExpired());
    }
}
