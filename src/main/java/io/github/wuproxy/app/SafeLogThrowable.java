package io.github.wuproxy.app;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;
import io.github.wuproxy.core.proxy.Secrets;

/**
 * {@code %safeEx} in the logback patterns: a stack trace whose exception messages are redacted and
 * escaped as {@link SafeLogMessage} does, so a message built from a file name or a network string
 * cannot add lines either. One line per frame, as usual; at most ten causes.
 */
public final class SafeLogThrowable extends ThrowableHandlingConverter {
    private static final int MAX_CAUSES = 10;

    @Override
    public String convert(ILoggingEvent event) {
        StringBuilder out = new StringBuilder();
        IThrowableProxy throwable = event.getThrowableProxy();
        for (int depth = 0; throwable != null && depth < MAX_CAUSES; depth++, throwable = throwable.getCause()) {
            out.append(depth == 0 ? "" : "Caused by: ").append(throwable.getClassName());
            if (throwable.getMessage() != null) {
                out.append(": ").append(SafeLogMessage.escape(Secrets.redact(throwable.getMessage())));
            }
            out.append(CoreConstants.LINE_SEPARATOR);
            for (StackTraceElementProxy frame : throwable.getStackTraceElementProxyArray()) {
                out.append('\t').append(frame.getSTEAsString()).append(CoreConstants.LINE_SEPARATOR);
            }
        }
        return out.toString();
    }
}
