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
        synopsisSubcommandLabel = "COMMAND")
public final class WuProxyCli implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Gives every command {@code -h}/{@code --help}, adds {@code wuproxy help [COMMAND]}, hands every
     * command the CLI's texts in the user's language (picocli reads {@code wuproxy.COMMAND.usage.description}
     * and {@code wuproxy.COMMAND.OPTION} from them), and lists the commands with their whole descriptions
     * (picocli shows only a description's first line).
     */
    public static CommandLine finish(CommandLine cli) {
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        addHelpOption(cli);
        cli.setResourceBundle(Texts.bundle(Texts.locale()));
        cli.setParameterExceptionHandler(WuProxyCli::inputError);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, WuProxyCli::commandList);
        cli.setOut(ConsoleWriters.out());
        cli.setErr(ConsoleWriters.err());
        return cli;
    }

    /**
     * A mistake on the command line, in the user's language: what is wrong, then a suggestion or the command's usage
     * (as picocli does), exit code 2.
     */
    static int inputError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        java.io.PrintWriter err = command.getErr();
        err.println(inputErrorText(e, java.util.List.of(args)));
        java.util.List<String> suggestions = e instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : java.util.List.of();
        if (suggestions.isEmpty()) {
            command.usage(err);
        } else {
            err.println(Texts.get("inputError.didYouMean", String.join(", ", suggestions)));
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String inputErrorText(CommandLine.ParameterException e, java.util.List<String> args) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            java.util.List<String> unmatched = u.getUnmatched();
            String quoted = "'" + String.join("', '", unmatched) + "'";
            boolean options = unmatched.stream().allMatch(a -> a.startsWith("-"));
            return Texts.get((options ? "inputError.unknownOption" : "inputError.unexpected") + (unmatched.size() > 1 ? "s" : ""), quoted);
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            var missing = m.getMissing().get(0);
            if (missing instanceof OptionSpec option) {
                // given without its value, or a required option not given
                boolean given = java.util.Arrays.stream(option.names()).anyMatch(n -> args.stream().anyMatch(a -> a.equals(n) || a.startsWith(n + "=")));
                return given || !option.required()
                        ? Texts.get("inputError.optionNeedsValue", option.longestName(), option.paramLabel())
                        : Texts.get("inputError.missingOption", option.longestName());
            }
            return Texts.get("inputError.missingParameter", missing.paramLabel());
        }
        return Texts.get("inputError.other", e.getMessage());
    }

    private static void addHelpOption(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.optionsMap().get("--help") == null && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("help").build());
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
