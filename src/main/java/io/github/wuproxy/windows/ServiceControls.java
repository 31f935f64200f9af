package io.github.wuproxy.windows;

import java.util.Optional;

/** What a Service Control Manager control means for wuproxy; pure, so it is tested off Windows. */
public final class ServiceControls {
    static final int SERVICE_CONTROL_STOP = 0x1;
    static final int SERVICE_CONTROL_INTERROGATE = 0x4;
    static final int SERVICE_CONTROL_SHUTDOWN = 0x5;
    static final int SERVICE_CONTROL_POWEREVENT = 0xD;
    static final int SERVICE_CONTROL_SESSIONCHANGE = 0xE;
    static final int PBT_APMSUSPEND = 0x4;
    static final int PBT_APMRESUMESUSPEND = 0x7;
    static final int PBT_APMRESUMEAUTOMATIC = 0x12;
    static final int WTS_SESSION_LOGON = 0x5;
    static final int WTS_SESSION_UNLOCK = 0x8;
    static final int NO_ERROR = 0;
    static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    /** SERVICE_ACCEPT_STOP | SHUTDOWN | POWEREVENT | SESSIONCHANGE. */
    static final int ACCEPTED = 0x1 | 0x4 | 0x40 | 0x80;

    /** What the service does in answer. */
    public enum Event {
        STOP,
        SUSPEND,
        RESUME,
        USER_SESSION
    }

    private ServiceControls() {}

    /**
     * What the control handler returns: NO_ERROR for the controls wuproxy accepts and for
     * INTERROGATE (always, says HandlerEx's documentation), ERROR_CALL_NOT_IMPLEMENTED for the rest.
     */
    static int answer(int control) {
        return switch (control) {
            case SERVICE_CONTROL_STOP, SERVICE_CONTROL_SHUTDOWN, SERVICE_CONTROL_INTERROGATE, SERVICE_CONTROL_POWEREVENT,
                    SERVICE_CONTROL_SESSIONCHANGE -> NO_ERROR;
            default -> ERROR_CALL_NOT_IMPLEMENTED;
        };
    }

    static Optional<Event> interpret(int control, int eventType) {
        return switch (control) {
            case SERVICE_CONTROL_STOP, SERVICE_CONTROL_SHUTDOWN -> Optional.of(Event.STOP);
            case SERVICE_CONTROL_POWEREVENT -> switch (eventType) {
                case PBT_APMSUSPEND -> Optional.of(Event.SUSPEND);
                case PBT_APMRESUMESUSPEND, PBT_APMRESUMEAUTOMATIC -> Optional.of(Event.RESUME);
                default -> Optional.empty();
            };
            case SERVICE_CONTROL_SESSIONCHANGE -> eventType == WTS_SESSION_LOGON || eventType == WTS_SESSION_UNLOCK
                    ? Optional.of(Event.USER_SESSION) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
