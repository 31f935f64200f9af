package io.github.wuproxy.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The agent's log lines, {@link LogbackSetup#FILE_PATTERN} and {@link LogbackSetup#AGENT_CONSOLE_PATTERN},
 * written without logback's PatternLayout and its converter table, which the idle service would
 * otherwise hold (about 160 classes).
 */
final class AgentLogLayout extends LayoutBase<ILoggingEvent> {
    private final boolean file;
    private final DateTimeFormatter time;
    private final TargetLengthBasedClassNameAbbreviator logger = new TargetLengthBasedClassNameAbbreviator(20);
    private final SafeLogMessage message = new SafeLogMessage();
    private final SafeLogThrowable throwable = new SafeLogThrowable();

    /** The file's line when {@code file}, else the console's. */
    AgentLogLayout(boolean file) {
        this.file = file;
        // as logback's %d{ISO8601} and %d{HH:mm:ss.SSS}: the default time zone
        this.time = DateTimeFormatter.ofPattern(file ? CoreConstants.ISO8601_PATTERN : "HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        time.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
        String level = event.getLevel().toString();
        line.append(' ').append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ');
        if (file) {
            line.append('[').append(event.getThreadName()).append("] ").append(logger.abbreviate(event.getLoggerName())).append(" - ");
        }
        return line.append(message.convert(event)).append(CoreConstants.LINE_SEPARATOR).append(throwable.convert(event)).toString();
    }
}
