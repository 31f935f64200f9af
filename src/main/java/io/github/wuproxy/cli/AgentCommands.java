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
        for (String name : NAMES) {
            add(cli, name, socket, profileNames);
        }
    }

    /** Their names, in the order {@link #addTo} adds them. */
    public static final List<String> NAMES = List.of("status", "use", "remember", "pause", "resume", "sync", "reload");

    /** Adds one of them: a command line for one command builds only its model. */
    public static void add(CommandLine cli, String name, Supplier<Path> socket, Supplier<java.util.Collection<String>> profileNames) {
        switch (name) {
            case "status" -> cli.addSubcommand(new Status(socket));
            case "use" -> cli.addSubcommand(new Use(socket, profileNames));
            case "remember" -> cli.addSubcommand(new Remember(socket));
            default -> {
                if (!SIMPLE.contains(name)) {
                    throw new IllegalArgumentException("no agent command " + name);
                }
                cli.addSubcommand(name, new Simple(name, socket));
            }
        }
    }

    /** {@code status [--json]} without picocli's model. */
    public static AgentRequestCommand status(Supplier<Path> socket, boolean json) {
        Status status = new Status(socket);
        status.json = json;
        return status;
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
                        : io.github.wuproxy.config.Suggestions.closest(profile, known).map(best -> Texts.get("use.didYouMean", best)).orElse("");
            } catch (RuntimeException e) {
                return ""; // the hint is a courtesy; the agent's own answer already names its profiles
            }
        }

        @Override
        protected java.util.Optional<String> note(io.github.wuproxy.port.AgentStatus status, com.fasterxml.jackson.databind.JsonNode answer) {
            return status.paused() ? java.util.Optional.of(Texts.get("use.whilePaused", profile.equals("auto") ? "auto" : profile))
                    : java.util.Optional.empty();
        }

        @Override
        protected ObjectNode request() {
            return profile.equals("auto") ? IpcClient.request("auto")
                    : IpcClient.request("use").put("profile", profile).put("sticky", sticky);
        }
    }

    /**
     * Remembers this network as a profile; {@code --keep} gives the rule a priority above the one that wins
     * here. A flag, not a command of its own: it is the same rule, written so that it wins, and the same right.
     */
    @Command(name = "remember")
    static final class Remember extends AgentRequestCommand {
        @Parameters(index = "0", paramLabel = "PROFILE", descriptionKey = "profile")
        String profile;

        @Option(names = "--keep")
        boolean keep;

        Remember(Supplier<Path> socket) {
            super(socket);
        }

        @Override
        protected ObjectNode request() {
            return IpcClient.request("remember").put("profile", profile).put("keep", keep);
        }

        @Override
        protected java.util.Optional<String> note(io.github.wuproxy.port.AgentStatus status, com.fasterxml.jackson.databind.JsonNode answer)
                throws io.github.wuproxy.json.JsonFormatException {
            var done = io.github.wuproxy.json.RememberedJson.read(answer.path("remembered"));
            String said = Texts.get(done.kept() ? "remember.kept" : "remember.done", done.profile(), done.file(), done.priority());
            return java.util.Optional.of(done.stillApplies().map(w -> said + "\n" + Texts.get("remember.stillApplies", w.profile(), w.priority(),
                    done.priority(), done.profile())).orElse(said));
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
