package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.platform.win32.Winsvc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What the service tells the Service Control Manager, in order, while it starts, runs and stops. */
class WindowsServiceHostTest {
    private final List<WindowsServiceHost.Report> reports = new CopyOnWriteArrayList<>();

    private static WindowsServiceHost.Body body(long startMillis, Exception failure, CountDownLatch closed) {
        return new WindowsServiceHost.Body() {
            @Override
            public AutoCloseable start() throws Exception {
                Thread.sleep(startMillis);
                if (failure != null) {
                    throw failure;
                }
                return () -> {
                    Thread.sleep(startMillis);
                    closed.countDown();
                };
            }

            @Override
            public void on(ServiceControls.Event event) {}
        };
    }

    @Test
    void aSlowStartMovesTheCheckpointThenRunsThenStopsTheSameWay() throws Exception {
        var stopped = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        stopped.countDown(); // a stop asked for as soon as it runs
        WindowsServiceHost.lifecycle(body(300, null, closed), stopped, Duration.ofMillis(20), reports::add);
        assertEquals(0, closed.getCount(), "the body was closed");
        int running = indexOf(Winsvc.SERVICE_RUNNING);
        assertTrue(running > 3, "several START_PENDING reports before RUNNING: " + reports);
        for (int i = 0; i < running; i++) {
            assertEquals(Winsvc.SERVICE_START_PENDING, reports.get(i).state());
            assertEquals(i + 1, reports.get(i).checkPoint(), "the checkpoint moves: " + reports);
            assertTrue(reports.get(i).waitHint() > 20 * 10, "the wait hint leaves room for several ticks");
            assertEquals(0, reports.get(i).controlsAccepted(), "no controls while starting");
        }
        assertEquals(ServiceControls.ACCEPTED, reports.get(running).controlsAccepted());
        assertEquals(0, reports.get(running).checkPoint());
        List<WindowsServiceHost.Report> stopping = reports.subList(running + 1, reports.size() - 1);
        assertTrue(stopping.size() > 3, "STOP_PENDING reports while closing: " + reports);
        for (int i = 0; i < stopping.size(); i++) {
            assertEquals(Winsvc.SERVICE_STOP_PENDING, stopping.get(i).state());
            assertEquals(i + 1, stopping.get(i).checkPoint());
        }
        assertEquals(new WindowsServiceHost.Report(Winsvc.SERVICE_STOPPED, 0, 0, 0, 0, 0), reports.get(reports.size() - 1));
    }

    @Test
    void aFailedStartStopsWithAnErrorSoTheFailureActionsRestartIt() {
        WindowsServiceHost.lifecycle(body(0, new IllegalStateException("no profile folder found"), new CountDownLatch(1)),
                new CountDownLatch(1), Duration.ofMillis(20), reports::add);
        assertEquals(Winsvc.SERVICE_START_PENDING, reports.get(0).state());
        WindowsServiceHost.Report last = reports.get(reports.size() - 1);
        assertEquals(Winsvc.SERVICE_STOPPED, last.state());
        assertEquals(WindowsServiceHost.ERROR_SERVICE_SPECIFIC_ERROR, last.win32ExitCode());
        assertEquals(1, last.specificExitCode());
        assertEquals(-1, indexOf(Winsvc.SERVICE_RUNNING), "never said RUNNING: " + reports);
    }

    @Test
    void unhandledControlsAreNotImplementedAndInterrogateIsAlwaysAnswered() {
        assertEquals(ServiceControls.NO_ERROR, ServiceControls.answer(ServiceControls.SERVICE_CONTROL_STOP));
        assertEquals(ServiceControls.NO_ERROR, ServiceControls.answer(ServiceControls.SERVICE_CONTROL_INTERROGATE));
        assertEquals(ServiceControls.NO_ERROR, ServiceControls.answer(ServiceControls.SERVICE_CONTROL_POWEREVENT));
        assertEquals(ServiceControls.NO_ERROR, ServiceControls.answer(ServiceControls.SERVICE_CONTROL_SESSIONCHANGE));
        assertEquals(ServiceControls.ERROR_CALL_NOT_IMPLEMENTED, ServiceControls.answer(0x2), "PAUSE: not accepted");
        assertEquals(ServiceControls.ERROR_CALL_NOT_IMPLEMENTED, ServiceControls.answer(0x6), "PARAMCHANGE");
        assertEquals(ServiceControls.ERROR_CALL_NOT_IMPLEMENTED, ServiceControls.answer(0x80), "a user-defined control");
    }

    private int indexOf(int state) {
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).state() == state) {
                return i;
            }
        }
        return -1;
    }
}
