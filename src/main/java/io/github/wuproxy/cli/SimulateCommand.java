package io.github.wuproxy.cli;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.Configuration;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.json.JsonLines;
import io.github.wuproxy.sim.Simulation;
import io.github.wuproxy.sim.Timeline;
import io.github.wuproxy.sim.TimelineEvent;
import io.github.wuproxy.sim.TimelineException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wuproxy simulate TIMELINE}: the real engine over a recorded or written day, in virtual time. */
@Command(name = "simulate", description = {
    "Replay a timeline of network changes through the real engine in virtual time;",
    "print every decision, write, restart, scan and problem as JSON Lines."})
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TIMELINE", description = "JSON Lines file of events (see README)")
    Path timeline;

    @Option(names = "--profiles", paramLabel = "DIR", description = "Profile folder (default: profiles)")
    Path profiles = Path.of("profiles");

    @Option(names = "--agent-conf", paramLabel = "FILE", description = "Agent settings (default: agent/agent.conf if present)")
    Path agentConf = Path.of("agent", "agent.conf");

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AgentSettings settings;
        ProfileSet set;
        try {
            Configuration configuration = Configuration.load(agentConf, List.of(profiles));
            settings = configuration.settings();
            set = configuration.profiles();
        } catch (ProfileException e) {
            e.problems().forEach(err::println);
            err.println("Fix the profiles (`wuproxy check` lists every problem), then simulate again.");
            return ExitCodes.BAD_INPUT;
        }
        List<TimelineEvent> events;
        try {
            events = Timeline.parse(timeline.toString(), Files.readString(timeline, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println(timeline + ": cannot read the timeline: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (TimelineException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (JsonLines out = new JsonLines(new java.io.BufferedWriter(spec.commandLine().getOut(), 1 << 16))) {
            new Simulation(set, settings, out::write).run(events);
        }
        return ExitCodes.OK;
    }
}
