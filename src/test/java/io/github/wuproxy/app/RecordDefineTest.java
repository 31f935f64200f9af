package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.sim.TimelineEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record --define NAME} on this machine prints a line a timeline can name its network by. */
class RecordDefineTest {
    @TempDir
    Path dir;

    @BeforeEach
    void isolate() {
        System.setProperty("wuproxy.data", dir.resolve("data").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("wuproxy.data");
    }

    @Test
    void printsADefineLineThatATimelineReadsByName() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute("record", "--define", "here"), err.toString());
        List<TimelineEvent> events = Timeline.parse("recorded", out.toString().strip() + "\n{\"t\":0,\"network\":\"here\"}\n");
        assertEquals(1, events.size());
        assertEquals("here", ((TimelineEvent.Network) events.get(0)).location().name());
    }
}
