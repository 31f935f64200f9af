package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.WinNT;
import io.github.wuproxy.port.EventLog;

/**
 * Writes to the Application log as source "wuproxy" (RegisterEventSource / ReportEvent). The
 * installer registers the source; until then Event Viewer still shows the text, with a note that
 * the message file is missing.
 */
public final class WindowsEventLog implements EventLog, AutoCloseable {
    private final WinNT.HANDLE source;

    private WindowsEventLog(WinNT.HANDLE source) {
        this.source = source;
    }

    public static EventLog open() {
        WinNT.HANDLE source = Advapi32.INSTANCE.RegisterEventSource(null, "wuproxy");
        return source == null ? EventLog.NONE : new WindowsEventLog(source);
    }

    static int type(AgentEvent.Level level) {
        return switch (level) {
            case INFORMATION -> WinNT.EVENTLOG_INFORMATION_TYPE;
            case WARNING -> WinNT.EVENTLOG_WARNING_TYPE;
            case ERROR -> WinNT.EVENTLOG_ERROR_TYPE;
        };
    }

    @Override
    public void record(AgentEvent event) {
        Advapi32.INSTANCE.ReportEvent(source, type(event.level()), 0, event.id(), null, 1, 0, new String[] {event.text()}, null);
    }

    @Override
    public void close() {
        Advapi32.INSTANCE.DeregisterEventSource(source);
    }
}
