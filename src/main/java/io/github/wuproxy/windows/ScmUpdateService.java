package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.Winsvc;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.UpdateService;
import java.time.Duration;

/**
 * The Windows Update service through the Service Control Manager: stop with a timeout, wait for
 * STOPPED, start, wait for RUNNING. Controlling it needs administrator rights or SYSTEM.
 */
public final class ScmUpdateService implements UpdateService {
    static final String SERVICE = "wuauserv";
    private final Duration stopTimeout;

    public ScmUpdateService(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
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
            int access = Winsvc.SERVICE_STOP | Winsvc.SERVICE_START | Winsvc.SERVICE_QUERY_STATUS;
            try (W32Service service = manager.openService(SERVICE, access)) {
                if (service.queryStatus().dwCurrentState != Winsvc.SERVICE_STOPPED) {
                    service.stopService(stopTimeout.toMillis());
                }
                service.startService();
            }
        } catch (Win32Exception e) {
            throw failure("restart", e);
        } catch (RuntimeException e) {
            // W32Service.stopService(timeout) throws a plain RuntimeException when the service does not stop in time.
            throw new ServiceException(SERVICE + " did not stop within " + stopTimeout.toSeconds() + " s: " + e.getMessage(), false);
        }
    }

    private static ServiceException failure(String what, Win32Exception e) {
        int code = e.getErrorCode();
        return new ServiceException(Win32Errors.describe("Could not " + what + " " + SERVICE, code, e.getMessage()), Win32Errors.isDenied(code));
    }
}
