package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveProblemsTest {
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    private final ActiveProblems problems = new ActiveProblems();

    private static Problem problem(ProblemCode code) {
        return new Problem(code, Severity.ERROR, "what " + code.id(), "why", "do");
    }

    private List<ProblemCode> codes() {
        return problems.list().stream().map(p -> p.problem().code()).toList();
    }

    @Test
    void aProblemIsAnnouncedOnceAndKeepsItsFirstTime() {
        assertTrue(problems.raise(problem(ProblemCode.WRITE_FAILED), T0));
        assertFalse(problems.raise(problem(ProblemCode.WRITE_FAILED), T0.plusSeconds(60)));
        assertEquals(T0, problems.list().get(0).since());
    }

    @Test
    void clearingOneLeavesTheOthers() {
        problems.raise(problem(ProblemCode.PROXY_UNRESOLVED), T0);
        problems.raise(problem(ProblemCode.SCAN_FAILED), T0.plusSeconds(1));
        assertTrue(problems.clear(ProblemCode.SCAN_FAILED));
        assertFalse(problems.clear(ProblemCode.SCAN_FAILED), "nothing left to clear");
        assertEquals(List.of(ProblemCode.PROXY_UNRESOLVED), codes());
    }

    @Test
    void aRoundThatWorkedClearsWhatItCuresAndNothingElse() {
        problems.raise(problem(ProblemCode.WRITE_FAILED), T0);
        problems.raise(problem(ProblemCode.SCAN_FAILED), T0.plusSeconds(1));
        problems.raise(problem(ProblemCode.FOREIGN_WRITE), T0.plusSeconds(2));
        problems.raise(problem(ProblemCode.PROXY_UNVERIFIED), T0.plusSeconds(3));
        assertEquals(List.of(ProblemCode.WRITE_FAILED), problems.roundSucceeded(Optional.of(ProblemCode.PROXY_UNVERIFIED)));
        assertEquals(List.of(ProblemCode.SCAN_FAILED, ProblemCode.FOREIGN_WRITE, ProblemCode.PROXY_UNVERIFIED), codes(),
                "a failing scan and another program's proxy have causes of their own; this round's warning stays");
        assertEquals(List.of(ProblemCode.PROXY_UNVERIFIED), problems.roundSucceeded(Optional.empty()));
    }

    @Test
    void theListIsOldestFirst() {
        problems.raise(problem(ProblemCode.SCAN_FAILED), T0.plusSeconds(5));
        problems.raise(problem(ProblemCode.WRITE_DENIED), T0);
        assertEquals(List.of(ProblemCode.WRITE_DENIED, ProblemCode.SCAN_FAILED), codes());
    }
}
