package io.github.wuproxy.app;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Heal;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.AgentStatus;

/** A notifier that passes everything on; subclasses add what they do on top. */
abstract class ForwardingNotifier implements Notifier {
    private final Notifier next;

    ForwardingNotifier(Notifier next) {
        this.next = next;
    }

    @Override
    public void status(AgentStatus status) {
        next.status(status);
    }

    @Override
    public void applied(AppliedChange change) {
        next.applied(change);
    }

    @Override
    public void problem(Problem problem) {
        next.problem(problem);
    }

    @Override
    public void verified(ProxyCheck check) {
        next.verified(check);
    }

    @Override
    public void healing(Heal heal) {
        next.healing(heal);
    }
}
