package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.ipc.IpcClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands that talk to the running agent: status, use, pause, resume, sync, reload. */
public final class AgentCommands {
    private AgentCommands() {}

    private static final Map<String, String> SIMPLE = new LinkedHashMap<>();

    static {
        SIMPLE.put("pause", "Stop all changes to the Windows Update proxy until `wuproxy resume` (administrators).");
        SIMPLE.put("resume", "Resume after `wuproxy pause` (administrators).");
        SIMPLE.put("sync", "Check the network and the proxy now.");
        SIMPLE.put("reload", "Load the profiles and agent.conf again; broken files are reported and the running set kept (administrators).");
    }

    /** @param profileNames the profiles on this machine, read only to suggest one for a misspelt name */
    public static void addTo(CommandLine cli, Supplier<Path> socket, Supplier<java.util.Collection<String>> profileNames) {
        for (String name : NAMES) {
            add(cli, name, socket, profileNames);
        }
    }

    /** Their names, in the order {@link #addTo} adds them. */
    public static final java.util.List<String> NAMES = java.util.List.of("status", "use", "pause", "resume", "sync", "reload");

    /** Adds one of them: a command line for one command builds only its model. */
    public static void add(CommandLine cli, String name, Supplier<Path> socket, Supplier<java.util.Collection<String>> profileNames) {
        switch (name) {
            case "status" -> cli.addSubcommand(new Status(socket));
            case "use" -> cli.addSubcommand(new Use(socket, profileNames));
            default -> {
                if (!SIMPLE.containsKey(name)) {
                    throw new IllegalArgumentException("no agent command " + name);
                }
                cli.addSubcommand(name, new Simple(name, socket));
                cli.getSubcommands().get(name).getCommandSpec().usageMessage().description(SIMPLE.get(name));
            }
        }
    }

    @Command(name = "status", description = "Show the profile in force, why, and the Windows Update proxy.")
    static final class Status extends AgentRequestCommand {
        Status(Supplier<Path> socket) {
            super(socket);
        }

        @Override
        protected ObjectNode request() {
            return IpcClient.request("status");
        }
    }

    @Command(name = "use", description = "Choose a profile by hand (until the network changes, or with --sticky until `use auto`).")
    static final class Use extends AgentRequestCommand {
        @Parameters(index = "0", paramLabel = "PROFILE|auto")
        String profile;

        @Option(names = "--sticky", description = "Keep the choice on every network until `wuproxy use auto`")
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
    @Command(description = "Ask the running agent.")
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
