package io.github.wuproxy.cli;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.config.AgentSettingsLoader;
import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileProblem;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.profile.ProxySource;
import io.github.wuproxy.port.ProfileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code wuproxy check [DIR]}: loads every profile and the agent settings, and reports every problem. */
@Command(name = "check")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", descriptionKey = "folder")
    Path folder;

    @Option(names = "--agent-conf", paramLabel = "FILE")
    Path agentConf;

    public CheckCommand() {
        this(Path.of(""));
    }

    /** Checks the install folder's profiles and agent settings unless told otherwise. */
    public CheckCommand(Path install) {
        folder = install.resolve("profiles");
        agentConf = install.resolve("agent").resolve("agent.conf");
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public int run(PrintWriter out, PrintWriter err) {
        List<ProfileProblem> problems = new ArrayList<>();
        AgentSettings settings = AgentSettings.defaults();
        try {
            settings = AgentSettingsLoader.load(agentConf);
        } catch (ProfileException e) {
            problems.addAll(e.problems());
        }
        ProfileSet profiles = null;
        try {
            profiles = HoconProfileCatalog.of(folder, settings.fallbackProfile()).load();
        } catch (ProfileException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println(problem));
            err.println(Texts.get(problems.size() == 1 ? "check.oneProblem" : "check.problems", problems.size(), folder));
            return ExitCodes.BAD_INPUT;
        }
        for (Profile p : profiles.all()) {
            String rules = p.isManualOnly() ? Texts.get(p == profiles.fallback() ? "check.fallback" : "check.byHandOnly")
                    : Texts.get(p.when().size() == 1 ? "check.oneRule" : "check.rules", p.when().size());
            out.println(Texts.get("check.profile", pad(p.name(), 12), pad(String.valueOf(p.priority()), -4), pad(describe(p.source()), 11),
                    rules, p.position().file()));
        }
        out.println(Texts.get("check.ok", profiles.all().size(), profiles.fallback().name()));
        return ExitCodes.OK;
    }

    /** {@code text} padded with spaces to {@code width} columns, on the left when width is negative. */
    private static String pad(String text, int width) {
        String spaces = " ".repeat(Math.max(0, Math.abs(width) - text.length()));
        return width < 0 ? spaces + text : text + spaces;
    }

    static String describe(ProxySource source) {
        return source instanceof ProxySource.Fixed fixed ? fixed.proxy().server() : source.word();
    }
}
