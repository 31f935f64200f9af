package io.github.wuproxy.cli;

import picocli.CommandLine.Command;

/** The {@code wuproxy} command; its subcommands are added by the composition root. */
@Command(
        name = "wuproxy",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Keeps the Windows Update proxy (WinHTTP) in step with the network this PC is on.",
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 bad profiles or input, 3 Windows refused."},
        synopsisSubcommandLabel = "COMMAND")
public final class WuProxyCli implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
