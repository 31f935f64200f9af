package io.github.wuproxy.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.wuproxy.core.proxy.Secrets;

/**
 * {@code %safeMsg} in the logback patterns: the message with URL user info and query strings
 * removed, and CR, LF and every other control character written as {@code \n}, {@code \r} or
 * a \\uXXXX escape, so text from a network or a file (an SSID, a profile name) cannot forge a log line.
 */
public final class SafeLogMessage extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return escape(Secrets.redact(event.getFormattedMessage()));
    }

    static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (control) {
                    out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
