package io.github.wuproxy.cli;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.Configuration;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonLines;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.sim.Simulation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wuproxy simulate TIMELINE|DIR}: the real engine over a recorded or written day, in virtual time. */
@Command(name = "simulate")
public final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TIMELINE|DIR", descriptionKey = "timeline")
    Path timeline;

    @Option(names = "--profiles", paramLabel = "DIR")
    Path profiles;

    @Option(names = "--agent-conf", paramLabel = "FILE")
    Path agentConf;

    private final Path install;

    /** @param install the install folder, whose profiles and agent.conf are the defaults */
    public SimulateCommand(Path install) {
        this.install = install;
    }

    /** Defaults from the working folder. */
    public SimulateCommand() {
        this(Path.of(""));
    }

    @Option(names = "--output", paramLabel = "all|failures|summary")
    String output = "all";

    @Option(names = "--baseline", paramLabel = "direct|HOST:PORT")
    String baseline;

    @Option(names = "--junit", paramLabel = "FILE")
    Path junit;

    /** {@code simulate [--output MODE] TIMELINE|DIR} without picocli's model. */
    public SimulateCommand(Path install, Path timeline, String output) {
        this(install);
        this.timeline = timeline;
        this.output = output;
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public int run(PrintWriter stdout, PrintWriter err) {
        Simulation.Output mode = switch (output) {
            case "all" -> Simulation.Output.ALL;
            case "failures" -> Simulation.Output.FAILURES;
            case "summary" -> Simulation.Output.SUMMARY;
            default -> null;
        };
        if (mode == null) {
            err.println(Texts.get("simulate.badOutput", output));
            return ExitCodes.BAD_INPUT;
        }
        Optional<UpdateProxy> machine;
        try {
            machine = baseline == null ? Optional.empty()
                    : Optional.of(baseline.equalsIgnoreCase("direct") ? UpdateProxy.direct() : UpdateProxy.fixed(baseline, ""));
        } catch (IllegalArgumentException e) {
            err.println(Texts.get("simulate.badBaseline", e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        boolean suite = Files.isDirectory(timeline);
        HeldOutput held = new HeldOutput(stdout);
        // One timeline: read it on the second core while the profiles load (a suite reads each in turn).
        StreamedTimeline early = suite ? null : StreamedTimeline.start(timeline, held);
        AgentSettings settings;
        ProfileSet set;
        try {
            Configuration configuration = Configuration.load(agentConf != null ? agentConf : install.resolve("agent").resolve("agent.conf"),
                    List.of(profiles != null ? profiles : install.resolve("profiles")));
            settings = configuration.settings();
            set = configuration.profiles();
        } catch (ProfileException e) {
            e.problems().forEach(err::println);
            err.println(Texts.get("simulate.fixProfiles"));
            return ExitCodes.BAD_INPUT;
        }
        List<Path> files;
        try {
            files = suite ? timelinesIn(timeline) : List.of(timeline);
        } catch (IOException e) {
            err.println(AgentRequestCommand.visible(Texts.get("simulate.unlistable", timeline, Texts.why(e))));
            return ExitCodes.BAD_INPUT;
        }
        if (files.isEmpty()) {
            err.println(AgentRequestCommand.visible(Texts.get("simulate.emptyFolder", timeline)));
            return ExitCodes.BAD_INPUT;
        }
        List<JUnitReport.Case> cases = new ArrayList<>();
        int exit = ExitCodes.OK;
        try (JsonLines out = new JsonLines(new BufferedWriter(held, 1 << 16))) {
            ConsoleWriters.beforeLogLine(() -> {
                out.flushIfWriting();
                return !held.dropping();
            });
            for (Path file : files) {
                long started = System.nanoTime();
                if (suite) {
                    out.write(Json.object().put("type", "timeline").put("file", file.getFileName().toString()));
                    out.flush(); // before the timeline's own lines are held
                }
                Simulation.Summary summary;
                try {
                    if (suite && !Files.isRegularFile(file)) {
                        throw new StreamedTimeline.Broken(Texts.get("simulate.notAFile", file));
                    }
                    StreamedTimeline events = early != null ? early : StreamedTimeline.start(file, held);
                    summary = new Simulation(set, settings, out::write, new Simulation.Options(mode, machine)).run(events);
                } catch (StreamedTimeline.Broken broken) {
                    out.flush(); // the lines of the replay so far, dropped
                    held.open();
                    String message = broken.getMessage();
                    err.println(AgentRequestCommand.visible(message)); // a file's name may hold control characters
                    cases.add(JUnitReport.Case.error(name(file), seconds(started), message));
                    exit = ExitCodes.BAD_INPUT;
                    continue;
                }
                List<String> failed = summary.failures().stream().map(f -> Texts.get("simulate.expectationFailed", file + ":" + f.line(), f.message())).toList();
                if (!failed.isEmpty()) {
                    out.flush();
                    failed.forEach(message -> err.println(AgentRequestCommand.visible(message)));
                    exit = Math.max(exit, ExitCodes.FAILURE);
                }
                cases.add(JUnitReport.Case.of(name(file), seconds(started), summary.expectations(), failed));
            }
        } finally {
            ConsoleWriters.beforeLogLine(null);
        }
        if (ConsoleWriters.failed(stdout)) {
            err.println(Texts.get("simulate.outputUnwritable"));
            exit = Math.max(exit, ExitCodes.FAILURE);
        }
        if (junit != null) {
            try {
                JUnitReport.write(junit, "wuproxy simulate " + timeline.getFileName(), cases);
            } catch (IOException e) {
                err.println(AgentRequestCommand.visible(Texts.get("simulate.junitUnwritable", junit, Texts.why(e))));
                return ExitCodes.FAILURE;
            }
        }
        return exit;
    }

    private static List<Path> timelinesIn(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            // not only regular files: a dangling link or a device named *.jsonl is an error of the suite, not left out of it
            return listing.filter(p -> p.getFileName().toString().endsWith(".jsonl") && !Files.isDirectory(p)).sorted().toList();
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
