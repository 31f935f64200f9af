package io.github.wuproxy.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.util.List;

/**
 * Logging set up in code, as agent/logback.xml (the agent and the service: wuproxy.logs is set) or
 * the CLI's stderr-only default would set it, without parsing XML: the parser and logback's Joran cost
 * the idle service about 450 classes. Found by logback through META-INF/services. A logback.xml
 * named by logback.configurationFile (an edited agent/logback.xml, see AgentRuntime) or a
 * logback-test.xml on the class path still wins.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
    static final String FILE_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{20} - %safeMsg%n%safeEx";
    static final String AGENT_CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %safeMsg%n%safeEx";
    static final String CLI_PATTERN = "%-5level %safeMsg%n%safeEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || LogbackSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String logs = System.getProperty("wuproxy.logs");
        if (logs == null) {
            cli(context, System.getProperty("wuproxy.console.level", "WARN"));
        } else {
            agent(context, logs, System.getProperty("wuproxy.log.level", "INFO"));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** As agent/logback.xml: a file in the log folder, rolled at 5 MB, nine kept, and stderr. */
    static void agent(LoggerContext context, String logs, String level) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logs + "/wuproxy.log");
        // rolled by size, not by date: a date-based policy holds its date patterns and the JDK's date formatting (about 0.8 MB)
        LogRolling rolling = new LogRolling();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(LogRolling.archivePattern(logs));
        file.setRollingPolicy(rolling);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder(context, new AgentLogLayout(true))); // FILE_PATTERN, without parsing it
        rolling.start();
        trigger.start();
        file.start();
        levels(context, Level.toLevel(level, Level.INFO), List.of(file, stderr(new ConsoleAppender<>(), context, encoder(context, new AgentLogLayout(false)))));
    }

    /** The CLI's: warnings and errors on stderr, so stdout carries only the command's output. */
    static void cli(LoggerContext context, String rootLevel) {
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>() {
            @Override
            protected void subAppend(ILoggingEvent event) {
                if (io.github.wuproxy.cli.ConsoleWriters.logLineComing()) { // stdout's lines so far first, as they happened
                    super.subAppend(event);
                }
            }
        };
        stderr(stderr, context, encoder(context, new CliLogLayout())); // CLI_PATTERN, without parsing it
        levels(context, null, List.of(stderr));
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(rootLevel, Level.WARN));
    }

    private static void levels(LoggerContext context, Level wuproxy, List<Appender<ILoggingEvent>> appenders) {
        context.getLogger("org.quartz").setLevel(Level.WARN);
        context.getLogger("dorkbox").setLevel(Level.ERROR); // its advice (tooltips, root, image size) is not for users
        if (wuproxy != null) {
            context.getLogger("io.github.wuproxy").setLevel(wuproxy);
        }
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        for (var appender : appenders) {
            root.addAppender(appender);
        }
    }

    private static Appender<ILoggingEvent> stderr(ConsoleAppender<ILoggingEvent> console, LoggerContext context, Encoder<ILoggingEvent> encoder) {
        console.setContext(context);
        console.setName("STDERR");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LayoutBase<ILoggingEvent> layout) {
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
