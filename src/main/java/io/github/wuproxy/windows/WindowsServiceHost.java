package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs wuproxy as a real Windows service: StartServiceCtrlDispatcher, a control handler for stop,
 * shutdown, power and session events, and SetServiceStatus reports. Only when started by the
 * Service Control Manager.
 */
public final class WindowsServiceHost {
    private static final Logger log = LoggerFactory.getLogger(WindowsServiceHost.class);

    /** What runs inside the service. */
    public interface Body {
        /** Starts the work; the returned handle stops it. */
        AutoCloseable start() throws Exception;

        void on(ServiceControls.Event event);
    }

    private final String name;
    private final Body body;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Winsvc.SERVICE_STATUS_HANDLE handle;
    // Strong references: the callbacks must outlive the dispatcher.
    private Winsvc.SERVICE_MAIN_FUNCTION main;
    private Winsvc.HandlerEx handler;

    private WindowsServiceHost(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    /** Blocks until the service stops; false when the process was not started by the Service Control Manager. */
    public static boolean run(String name, Body body) {
        var host = new WindowsServiceHost(name, body);
        host.main = (argc, argv) -> host.serviceMain();
        host.handler = (control, eventType, eventData, context) -> host.control(control, eventType);
        // The table ends with an all-NULL entry.
        var table = (Winsvc.SERVICE_TABLE_ENTRY[]) new Winsvc.SERVICE_TABLE_ENTRY().toArray(2);
        table[0].lpServiceName = name;
        table[0].lpServiceProc = host.main;
        if (!Advapi32.INSTANCE.StartServiceCtrlDispatcher(table)) {
            int error = Kernel32.INSTANCE.GetLastError();
            if (error == WinError.ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) {
                return false;
            }
            throw new IllegalStateException(Win32Errors.describe("StartServiceCtrlDispatcher", error, null));
        }
        return true;
    }

    private void serviceMain() {
        handle = Advapi32.INSTANCE.RegisterServiceCtrlHandlerEx(name, handler, null);
        report(Winsvc.SERVICE_START_PENDING, 0, 30_000);
        AutoCloseable running;
        try {
            running = body.start();
        } catch (Exception e) {
            log.error("the service could not start", e);
            report(Winsvc.SERVICE_STOPPED, 1, 0);
            return;
        }
        report(Winsvc.SERVICE_RUNNING, 0, 0);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report(Winsvc.SERVICE_STOP_PENDING, 0, 15_000);
        try {
            running.close();
        } catch (Exception e) {
            log.warn("stopping: {}", e.getMessage());
        }
        report(Winsvc.SERVICE_STOPPED, 0, 0);
    }

    private int control(int control, int eventType) {
        ServiceControls.interpret(control, eventType).ifPresent(event -> {
            if (event == ServiceControls.Event.STOP) {
                stopped.countDown();
            } else {
                body.on(event);
            }
        });
        return WinError.NO_ERROR;
    }

    private void report(int state, int exitCode, int waitHint) {
        var status = new Winsvc.SERVICE_STATUS();
        status.dwServiceType = WinNT.SERVICE_WIN32_OWN_PROCESS;
        status.dwCurrentState = state;
        status.dwControlsAccepted = state == Winsvc.SERVICE_RUNNING ? ServiceControls.ACCEPTED : 0;
        status.dwWin32ExitCode = exitCode;
        status.dwWaitHint = waitHint;
        Advapi32.INSTANCE.SetServiceStatus(handle, status);
    }


}
