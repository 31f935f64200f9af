package io.github.wuproxy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.Secrets;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.port.AppliedChange;
import io.github.wuproxy.port.Notifier;
import io.github.wuproxy.port.AgentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's problems as structured records, one JSON object a line ({@code at}, {@code code},
 * {@code text}, or {@code cleared}), so {@code diagnose} reads what was reported, never log text
 * a network name could have forged. Kept to the last {@link #KEEP} records.
 */
final class ProblemJournal implements Notifier {
    static final int KEEP = 200;
    private static final int MAX_BYTES = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ProblemJournal.class);
    private final Path file;
    private final Notifier next;
    private final Clock clock;
    private java.util.Set<ProblemCode> active = java.util.EnumSet.noneOf(ProblemCode.class);

    ProblemJournal(Path file, Notifier next, Clock clock) {
        this.file = file;
        this.next = next;
        this.clock = clock;
    }

    /** One past problem: when, its code, and its text (empty for a clearing). */
    record Entry(String at, String code, String text, boolean cleared) {}

    @Override
    public void problem(Problem problem) {
        append(Json.object().put("at", clock.instant().toString()).put("code", problem.code().id())
                .put("severity", problem.severity().name()).put("text", Secrets.redact(problem.text())));
        next.problem(problem);
    }

    /** A problem that left the status has cleared: recorded as such. */
    @Override
    public void status(AgentStatus status) {
        java.util.Set<ProblemCode> now = java.util.EnumSet.noneOf(ProblemCode.class);
        status.problems().forEach(p -> now.add(p.problem().code()));
        for (ProblemCode code : active) {
            if (!now.contains(code)) {
                append(Json.object().put("at", clock.instant().toString()).put("code", code.id()).put("cleared", true));
            }
        }
        active = now;
        next.status(status);
    }

    @Override
    public void applied(AppliedChange change) {
        next.applied(change);
    }

    @Override
    public void verified(io.github.wuproxy.core.proxy.ProxyCheck check) {
        next.verified(check);
    }

    @Override
    public void healing(io.github.wuproxy.port.Heal heal) {
        next.healing(heal);
    }

    private void append(ObjectNode record) {
        byte[] line = (Json.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) + line.length > MAX_BYTES) {
                trim();
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS)) {
                out.write(line);
            }
        } catch (IOException e) {
            log.warn("could not record the problem in {}: {}", file, e.getMessage());
        }
    }

    /** The last half of {@link #KEEP} records, written aside and moved into place. */
    private void trim() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = lines.subList(Math.max(0, lines.size() - KEEP / 2), lines.size());
        Path temp = Files.createTempFile(file.getParent(), "problems", ".tmp");
        Files.write(temp, kept, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The last {@code count} problems still standing or not, oldest first; a line that is not a record is skipped. */
    static List<Entry> read(Path file, int count) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " is not a regular file; move it away");
        }
        String text;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            text = new String(in.readNBytes(MAX_BYTES * 2), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            try {
                JsonNode node = Json.parse(line);
                if (node.isObject() && node.path("code").asText().matches("WUP\\d{3}")) {
                    entries.add(new Entry(node.path("at").asText(), node.path("code").asText(), node.path("text").asText(),
                            node.path("cleared").asBoolean()));
                }
            } catch (JsonFormatException e) {
                // half a line from a crash, or not ours: skipped
            }
        }
        return List.copyOf(entries.subList(Math.max(0, entries.size() - count), entries.size()));
    }
}
