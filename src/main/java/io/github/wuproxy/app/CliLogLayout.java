package io.github.wuproxy.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * The CLI's log line, {@code %-5level %safeMsg%n%safeEx}, written without logback's PatternLayout,
 * whose converter table (about 200 classes, 70 lambdas made at run time) would be most of a short
 * command's logging cost.
 */
final class CliLogLayout extends LayoutBase<ILoggingEvent> {
    private final SafeLogMessage message = new SafeLogMessage();
    private final SafeLogThrowable throwable = new SafeLogThrowable();

    @Override
    public String doLayout(ILoggingEvent event) {
        String level = event.getLevel().toString();
        return level + " ".repeat(Math.max(0, 5 - level.length())) + " " + message.convert(event) + CoreConstants.LINE_SEPARATOR
                + throwable.convert(event);
    }
}
