package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.ipc.IpcClient;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that talk to the running agent: status, use, pause, resume, sync, reload. */
public final class AgentCommands {
    private AgentCommands() {}

    /** Verbs without arguments; their descriptions are in the CLI's texts as wuproxy.VERB.usage.description. */
    private static final List<String> SIMPLE = List.of("pause", "resume", "sync", "reload");

    /** @param profileNames the profiles on this machine, read only to suggest one for a misspelt name */
    public static void addTo(CommandLine cli, Supplier<Path> socket, Supplier<java.util.Collection<String>> profileNames) {
        cli.addSubcommand(new Status(socket));
        cli.addSubcommand(new Use(socket, profileNames));
        SIMPLE.forEach(op -> cli.addSubcommand(op, new Simple(op, socket)));
    }

    @Command(name = "status")
    static final class Status extends AgentRequestCommand {
        Status(Supplier<Path> socket) {
            super(socket);
        }

        @Override
        protected ObjectNode request() {
            return IpcClient.request("status");
        }
    }

    @Command(name = "use")
    static final class Use extends AgentRequestCommand {
        @Parameters(index = "0", paramLabel = "PROFILE|auto", descriptionKey = "profile")
        String profile;

        @Option(names = "--sticky")
        boolean sticky;

        private final Supplier<java.util.Collection<String>> profileNames;

        Use(Supplier<Path> socket, Supplier<java.util.Collection<String>> profileNames) {
            super(socket);
            this.profileNames = profileNames;
        }

        @Override
        protected String hint(io.github.wuproxy.port.AgentRefusal.Kind kind) {
            if (kind != io.github.wuproxy.port.AgentRefusal.Kind.BAD_INPUT || profile.equals("auto")) {
                return "";
            }
            try {
                java.util.Collection<String> known = profileNames.get();
                return known.contains(profile) ? ""
                        : io.github.wuproxy.config.Suggestions.closest(profile, known).map(best -> ". " + Texts.get("use.didYouMean", best)).orElse("");
            } catch (RuntimeException e) {
                return ""; // the hint is a courtesy; the agent's own answer already names its profiles
            }
        }

        @Override
        protected java.util.Optional<String> note(io.github.wuproxy.port.AgentStatus status) {
            return status.paused() ? java.util.Optional.of(Texts.get("use.whilePaused", profile.equals("auto") ? "auto" : profile))
                    : java.util.Optional.empty();
        }

        @Override
        protected ObjectNode request() {
            return profile.equals("auto") ? IpcClient.request("auto")
                    : IpcClient.request("use").put("profile", profile).put("sticky", sticky);
        }
    }

    /** pause, resume, sync and reload take no arguments. */
        static final class Simple extends AgentRequestCommand {
        private final String op;

        Simple(String op, Supplier<Path> socket) {
            super(socket);
            this.op = op;
        }

        @Override
        protected ObjectNode request() {
            return IpcClient.request(op);
        }
    }
}
