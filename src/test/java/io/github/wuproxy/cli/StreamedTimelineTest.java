package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedTimelineTest {
    @Test
    void aBadLineFurtherOnStopsTheReplayAtOnceNotAfterTheLinesBeforeIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("late-bad-line.jsonl");
        StringBuilder text = new StringBuilder();
        for (int t = 1; t <= 20_000; t++) {
            text.append("{\"t\": ").append(t).append(", \"scan\": {}}\n");
        }
        text.append("{\"t\": oops}\n");
        Files.writeString(file, text);
        StringWriter stdout = new StringWriter();
        HeldOutput held = new HeldOutput(stdout);
        StreamedTimeline events = StreamedTimeline.start(file, held);
        held.flush(); // returns once the whole file has parsed (here: found broken)

        // the 20 000 good lines before it are not replayed into an output that is dropped anyway
        StreamedTimeline.Broken broken = assertThrows(StreamedTimeline.Broken.class, events::hasNext);
        assertEquals(file + ":20001: ", broken.getMessage().substring(0, (file + ":20001: ").length()));
        assertEquals("", stdout.toString());
    }
}
