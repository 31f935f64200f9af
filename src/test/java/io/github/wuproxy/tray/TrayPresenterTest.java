package io.github.wuproxy.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentApi;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** When the tray speaks up: once per settled switch, once per problem until it clears. */
class TrayPresenterTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private final List<String> said = new ArrayList<>();
    private Consumer<AgentView> push;

    private final Notices notices = new Notices() {
        @Override
        public void switched(String profile, String proxy, String why) {
            said.add("switched " + profile + " " + proxy);
        }

        @Override
        public void problem(String headline) {
            said.add("problem " + headline);
        }

        @Override
        public void info(String title, String text) {}
    };

    private TrayPresenter presenter() {
        AgentApi agent = Mockito.mock(AgentApi.class);
        Mockito.when(agent.subscribe(Mockito.any())).thenAnswer(call -> {
            push = call.getArgument(0);
            return (AutoCloseable) () -> { };
        });
        var presenter = new TrayPresenter(agent, Mockito.mock(TrayPresenter.Desk.class), notices, ZoneOffset.UTC);
        presenter.attach(Mockito.mock(TrayView.class));
        return presenter;
    }

    private static AgentView view(String profile, UpdateProxy wanted, UpdateProxy held, ProblemCode... problems) {
        var active = java.util.Arrays.stream(problems).map(code -> new AgentStatus.ActiveProblem(
                new Problem(code, Severity.ERROR, "trouble " + code.id(), "why", "do"), Instant.EPOCH)).toList();
        var status = new AgentStatus(profile, io.github.wuproxy.core.profile.Selection.Basis.RULE, "why", Optional.of(wanted),
                Optional.of(held), "net", false, Optional.empty(), Optional.empty(), active);
        return new AgentView(Optional.of(status), TrayMenusTest.PROFILES, new AgentView.Rights(true, true, Optional.empty()), Optional.empty());
    }

    @Test
    void aSwitchIsToldOnceWhenWindowsHoldsTheNewProxyNotBeforeAndNotAtStart() {
        presenter();
        push.accept(view("direct", UpdateProxy.direct(), UpdateProxy.direct()));
        push.accept(view("corporate", CORP, UpdateProxy.direct()));
        assertEquals(List.of(), said, "at start, and while the write is pending, nothing");
        push.accept(view("corporate", CORP, CORP));
        push.accept(view("corporate", CORP, CORP));
        assertEquals(List.of("switched corporate " + CORP.describe()), said);
    }

    @Test
    void aProblemIsToldOnceWhileActiveAndAgainOnlyAfterItCleared() {
        presenter();
        push.accept(view("corporate", CORP, CORP, ProblemCode.SCAN_FAILED));
        push.accept(view("corporate", CORP, CORP, ProblemCode.SCAN_FAILED, ProblemCode.WRITE_FAILED));
        push.accept(view("corporate", CORP, CORP, ProblemCode.WRITE_FAILED));
        push.accept(view("corporate", CORP, CORP, ProblemCode.WRITE_FAILED, ProblemCode.SCAN_FAILED));
        assertEquals(List.of("problem Windows Update still fails to check for updates (WUP600)", "problem Could not write the Windows Update proxy (WUP201)",
                "problem Windows Update still fails to check for updates (WUP600)"), said);
    }
}
