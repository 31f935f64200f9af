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
@Command(name = "check", description = "Check profiles and agent settings; print every problem with file:line.")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Profile folder (default: the shipped profiles)")
    Path folder;

    @Option(names = "--agent-conf", paramLabel = "FILE", description = "Agent settings (default: the install folder's agent/agent.conf if present)")
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
            err.printf("%d problem%s found. Fix %s, then run `wuproxy check %s` again.%n", problems.size(),
                    problems.size() == 1 ? "" : "s", problems.size() == 1 ? "it" : "them", folder);
            return ExitCodes.BAD_INPUT;
        }
        for (Profile p : profiles.all()) {
            out.printf("%-12s priority %4d  %-11s  %s  (%s)%n", p.name(), p.priority(), describe(p.source()),
                    p.isManualOnly() ? (p == profiles.fallback() ? "fallback" : "by hand only")
                            : p.when().size() + (p.when().size() == 1 ? " rule" : " rules"),
                    p.position().file());
        }
        out.printf("%d profiles OK; fallback is %s.%n", profiles.all().size(), profiles.fallback().name());
        return ExitCodes.OK;
    }

    static String describe(ProxySource source) {
        return source instanceof ProxySource.Fixed fixed ? fixed.proxy().server() : source.word();
    }
}
