package io.github.wuproxy.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code wuproxy} command; its subcommands are added by the composition root, then {@link #finish}. */
@Command(
        name = "wuproxy",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = "Keeps the Windows Update proxy (WinHTTP) in step with the network this PC is on.",
        footer = {"", "`wuproxy help COMMAND` or `wuproxy COMMAND --help` shows a command's options.",
            "Exit codes: 0 ok, 1 failure, 2 bad profiles or input, 3 Windows refused."},
        synopsisSubcommandLabel = "COMMAND")
public final class WuProxyCli implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Gives every command {@code -h}/{@code --help}, adds {@code wuproxy help [COMMAND]}, and lists the
     * commands with their whole descriptions (picocli shows only a description's first line).
     */
    public static CommandLine finish(CommandLine cli) {
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        cli.getSubcommands().get("help").getCommandSpec().usageMessage()
                .description("Show the commands, or `wuproxy help COMMAND` for one command's options.");
        addHelpOption(cli);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, WuProxyCli::commandList);
        return cli;
    }

    private static void addHelpOption(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.optionsMap().get("--help") == null && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
            }
            addHelpOption(sub);
        }
    }

    private static String commandList(Help help) {
        Map<String, Help> commands = help.subcommands();
        int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        int width = help.commandSpec().usageMessage().width();
        var table = Help.TextTable.forColumns(help.colorScheme(),
                new Help.Column(nameWidth + 2, 2, Help.Column.Overflow.SPAN),
                new Help.Column(width - nameWidth - 2, 1, Help.Column.Overflow.WRAP));
        commands.forEach((name, sub) -> table.addRowValues(help.colorScheme().commandText(name),
                help.colorScheme().text(String.join(" ", sub.commandSpec().usageMessage().description()))));
        return table.toString();
    }
}
