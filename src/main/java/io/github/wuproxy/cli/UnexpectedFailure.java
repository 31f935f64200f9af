package io.github.wuproxy.cli;


import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A bug, not a user mistake: one line that says so and where the details went, no stack trace on screen. */
public final class UnexpectedFailure implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        org.slf4j.LoggerFactory.getLogger(UnexpectedFailure.class).error("unexpected failure in {}", cli.getCommandName(), e);
        cli.getErr().println(Texts.get("unexpected", cli.getCommandName(), e));
        return ExitCodes.FAILURE;
    }
}
