package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.testing.RecordingNotifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemJournalTest {
    @Test
    void recordsEachProblemAsOneRecordWhateverItsTextHolds(@TempDir Path logs) throws Exception {
        var recorded = new RecordingNotifier();
        var journal = new ProblemJournal(logs.resolve("problems.jsonl"), recorded, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        String ssid = "Cafe\n{\"at\":\"x\",\"code\":\"WUP201\",\"text\":\"forged\"}\n";
        var problem = new Problem(ProblemCode.PROXY_UNRESOLVED, Severity.ERROR, "No proxy on " + ssid, "why", "what");
        journal.problem(problem);
        var status = new io.github.wuproxy.port.AgentStatus("mobile", io.github.wuproxy.core.profile.Selection.Basis.FALLBACK, "why",
                java.util.Optional.empty(), java.util.Optional.empty(), "", false, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.List.of(new io.github.wuproxy.port.AgentStatus.ActiveProblem(problem, Instant.EPOCH)));
        journal.status(status);
        journal.status(status.withProblems(java.util.List.of())); // the status no longer shows it: it cleared
        var entries = ProblemJournal.read(logs.resolve("problems.jsonl"), 10);
        assertEquals(2, entries.size(), entries.toString());
        assertTrue(entries.get(0).text().startsWith("WUP400 No proxy on Cafe\n{\"at\":\"x\",\"code\":\"WUP201\",\"text\":\"forged\"}"), "the text, newlines and all, stays inside its record");
        assertTrue(entries.get(1).cleared());
        assertEquals(1, recorded.problems.size(), "and the next notifier still hears of it");
    }

    @Test
    void staysBoundedKeepingTheNewest(@TempDir Path logs) throws Exception {
        Path file = logs.resolve("problems.jsonl");
        var journal = new ProblemJournal(file, new RecordingNotifier(), Clock.systemUTC());
        for (int i = 0; i < 5_000; i++) {
            journal.problem(new Problem(ProblemCode.PROXY_UNRESOLVED, Severity.ERROR, "problem " + i, "x".repeat(100), "y"));
        }
        assertTrue(Files.size(file) <= 256 * 1024, Files.size(file) + " bytes");
        var last = ProblemJournal.read(file, 1);
        assertTrue(last.get(0).text().startsWith("WUP400 problem 4999"), last.toString());
    }

    @Test
    void neverWritesThroughALink(@TempDir Path logs) throws Exception {
        Path victim = Files.writeString(logs.resolve("victim"), "keep");
        Files.createSymbolicLink(logs.resolve("problems.jsonl"), victim);
        new ProblemJournal(logs.resolve("problems.jsonl"), new RecordingNotifier(), Clock.systemUTC())
                .problem(new Problem(ProblemCode.PROXY_UNRESOLVED, Severity.ERROR, "a", "b", "c"));
        assertEquals("keep", Files.readString(victim));
    }
}
