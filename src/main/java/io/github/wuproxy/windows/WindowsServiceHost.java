package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs wuproxy as a real Windows service: StartServiceCtrlDispatcher, a control handler for stop,
 * shutdown, power and session events, and SetServiceStatus reports. Only when started by the
 * Service Control Manager.
 */
public final class WindowsServiceHost {
    private static final Logger log = LoggerFactory.getLogger(WindowsServiceHost.class);
    /** How often a pending start or stop says it is still going, and how long the SCM may wait for the next word. */
    static final Duration TICK = Duration.ofSeconds(2);
    static final int WAIT_HINT_MS = 10_000;
    static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;

    /** What runs inside the service. */
    public interface Body {
        /** Starts the work; the returned handle stops it. */
        AutoCloseable start() throws Exception;

        void on(ServiceControls.Event event);
    }

    /** One SetServiceStatus report, as plain values. */
    record Report(int state, int controlsAccepted, int win32ExitCode, int specificExitCode, int checkPoint, int waitHint) {}

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
        if (handle == null) {
            // Nothing can be reported without a handle; the SCM sees the start time out.
            log.error("the service could not start: {}", Win32Errors.describe("RegisterServiceCtrlHandlerEx", Kernel32.INSTANCE.GetLastError(), null));
            return;
        }
        lifecycle(body, stopped, TICK, this::report);
    }

    /**
     * START_PENDING with a checkpoint that moves every tick while the body starts (its first sync
     * runs bitsadmin and restarts wuauserv), RUNNING, then STOP_PENDING the same way and STOPPED.
     * A body that fails to start stops the service with an error, so its failure actions restart it.
     */
    static void lifecycle(Body body, CountDownLatch stopped, Duration tick, Consumer<Report> report) {
        AutoCloseable running;
        try {
            running = whilePending(Winsvc.SERVICE_START_PENDING, tick, report, body::start);
        } catch (Exception e) {
            log.error("the service could not start: {}", e.getMessage(), e);
            report.accept(new Report(Winsvc.SERVICE_STOPPED, 0, ERROR_SERVICE_SPECIFIC_ERROR, 1, 0, 0));
            return;
        }
        report.accept(new Report(Winsvc.SERVICE_RUNNING, ServiceControls.ACCEPTED, 0, 0, 0, 0));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            whilePending(Winsvc.SERVICE_STOP_PENDING, tick, report, () -> {
                running.close();
                return null;
            });
        } catch (Exception e) {
            log.warn("stopping: {}", e.getMessage());
        }
        report.accept(new Report(Winsvc.SERVICE_STOPPED, 0, 0, 0, 0, 0));
    }

    private static <T> T whilePending(int state, Duration tick, Consumer<Report> report, java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                done.complete(work.call());
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, state == Winsvc.SERVICE_START_PENDING ? "wuproxy-service-start" : "wuproxy-service-stop");
        worker.start();
        for (int checkPoint = 1; ; checkPoint++) {
            report.accept(new Report(state, 0, 0, 0, checkPoint, WAIT_HINT_MS));
            try {
                return done.get(tick.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillGoing) {
                // next checkpoint
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
            }
        }
    }

    private int control(int control, int eventType) {
        ServiceControls.interpret(control, eventType).ifPresent(event -> {
            if (event == ServiceControls.Event.STOP) {
                stopped.countDown();
            } else {
                body.on(event);
            }
        });
        return ServiceControls.answer(control);
    }

    private void report(Report r) {
        var status = new Winsvc.SERVICE_STATUS();
        status.dwServiceType = WinNT.SERVICE_WIN32_OWN_PROCESS;
        status.dwCurrentState = r.state();
        status.dwControlsAccepted = r.controlsAccepted();
        status.dwWin32ExitCode = r.win32ExitCode();
        status.dwServiceSpecificExitCode = r.specificExitCode();
        status.dwCheckPoint = r.checkPoint();
        status.dwWaitHint = r.waitHint();
        if (!Advapi32.INSTANCE.SetServiceStatus(handle, status)) {
            log.warn("{}", Win32Errors.describe("SetServiceStatus", Kernel32.INSTANCE.GetLastError(), null));
        }
    }
}
