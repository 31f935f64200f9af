package io.github.wuproxy.windows;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.windows.win32.Advapi32Services;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Windows Update service through the Service Control Manager. A restart stops it only when it
 * runs and may start again (not Disabled, by hand or by policy), and never leaves it stopped:
 * whatever the stop did, a stopped service is started again. Needs administrator rights or SYSTEM.
 */
public final class ScmUpdateService implements UpdateService {
    private static final Logger log = LoggerFactory.getLogger(ScmUpdateService.class);
    static final String SERVICE = "wuauserv";
    private final Duration stopTimeout;

    public ScmUpdateService(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    /** The three things a restart does to the service; a fake in tests. */
    interface Control {
        int state() throws ServiceException;

        void stop() throws ServiceException;

        void start() throws ServiceException;
    }

    enum Plan {
        RESTART,
        NOT_RUNNING,
        DISABLED
    }

    static Plan plan(int state, int startType) {
        if (!isRunning(state)) {
            return Plan.NOT_RUNNING;
        }
        return startType == Advapi32Services.SERVICE_DISABLED ? Plan.DISABLED : Plan.RESTART;
    }

    @Override
    public boolean isRunning() throws ServiceException {
        try (W32ServiceManager manager = new W32ServiceManager(Winsvc.SC_MANAGER_CONNECT)) {
            manager.open(Winsvc.SC_MANAGER_CONNECT);
            try (W32Service service = manager.openService(SERVICE, Winsvc.SERVICE_QUERY_STATUS)) {
                return isRunning(service.queryStatus().dwCurrentState);
            }
        } catch (Win32Exception e) {
            throw failure("query", e);
        }
    }

    static boolean isRunning(int state) {
        return state == Winsvc.SERVICE_RUNNING || state == Winsvc.SERVICE_START_PENDING;
    }

    @Override
    public void restart() throws ServiceException {
        try (W32ServiceManager manager = new W32ServiceManager(Winsvc.SC_MANAGER_CONNECT)) {
            manager.open(Winsvc.SC_MANAGER_CONNECT);
            int access = Winsvc.SERVICE_STOP | Winsvc.SERVICE_START | Winsvc.SERVICE_QUERY_STATUS | Winsvc.SERVICE_QUERY_CONFIG;
            try (W32Service service = manager.openService(SERVICE, access)) {
                int startType = startType(service);
                restart(new Control() {
                    @Override
                    public int state() {
                        return service.queryStatus().dwCurrentState;
                    }

                    @Override
                    public void stop() throws ServiceException {
                        try {
                            service.stopService(stopTimeout.toMillis());
                        } catch (Win32Exception e) {
                            throw failure("stop", e);
                        } catch (RuntimeException e) {
                            // W32Service.stopService(timeout) throws a plain RuntimeException when the service does not stop in
                            // time; wait for it to settle, as its own wait hints say, so it can be started again.
                            service.waitForNonPendingState();
                            throw new ServiceException(SERVICE + " did not stop within " + stopTimeout.toSeconds() + " s: " + e.getMessage(), false);
                        }
                    }

                    @Override
                    public void start() throws ServiceException {
                        try {
                            service.startService();
                        } catch (Win32Exception e) {
                            throw failure("start", e);
                        }
                    }
                }, startType);
            }
        } catch (Win32Exception e) {
            throw failure("restart", e);
        }
    }

    /** Stops and starts a running service that may start again; starts it again even after a failed stop. */
    static void restart(Control service, int startType) throws ServiceException {
        switch (plan(service.state(), startType)) {
            case NOT_RUNNING -> {
                return; // a stopped service reads the proxy when it starts
            }
            case DISABLED -> {
                log.warn("{} is disabled (by hand or by policy), so it is not restarted: it could not start again. "
                        + "It uses the new proxy when it next starts.", SERVICE);
                return;
            }
            case RESTART -> { }
        }
        ServiceException stopFailure = null;
        try {
            service.stop();
        } catch (ServiceException e) {
            stopFailure = e;
        }
        int state = service.state();
        if (state == Winsvc.SERVICE_STOPPED) {
            try {
                service.start();
            } catch (ServiceException e) {
                throw new ServiceException("Windows Update was stopped to take the new proxy but did not start again: "
                        + e.getMessage() + ". Start \"Windows Update\" in services.msc", e.denied());
            }
        } else if (!isRunning(state)) {
            throw new ServiceException("Windows Update was asked to stop and is still stopping (state " + state + "): "
                    + (stopFailure == null ? "" : stopFailure.getMessage() + ". ") + "start \"Windows Update\" in services.msc once it has stopped", false);
        }
        if (stopFailure != null) {
            throw new ServiceException("Windows Update could not be stopped to take the new proxy, so it runs with the old one: "
                    + stopFailure.getMessage(), stopFailure.denied());
        }
    }

    /** SERVICE_AUTO_START, SERVICE_DEMAND_START, SERVICE_DISABLED...; from QueryServiceConfig. */
    private static int startType(W32Service service) throws ServiceException {
        var buffer = new Memory(Advapi32Services.QUERY_SERVICE_CONFIG_MAX);
        if (!Advapi32Services.load().QueryServiceConfig(service.getHandle(), buffer, (int) buffer.size(), new IntByReference())) {
            throw failure("query the start type of", new Win32Exception(com.sun.jna.Native.getLastError()));
        }
        return new Advapi32Services.QUERY_SERVICE_CONFIG(buffer).dwStartType;
    }

    private static ServiceException failure(String what, Win32Exception e) {
        int code = e.getErrorCode();
        return new ServiceException(Win32Errors.describe("Could not " + what + " " + SERVICE, code, e.getMessage()), Win32Errors.isDenied(code));
    }
}
