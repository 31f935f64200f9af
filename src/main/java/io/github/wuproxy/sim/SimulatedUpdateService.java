package io.github.wuproxy.sim;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.UpdateService;
import java.util.function.Supplier;

/** The Windows Update service: it loads the WinHTTP proxy when it starts and keeps it until it restarts. */
public final class SimulatedUpdateService implements UpdateService {
    private final Supplier<UpdateProxy> storeValue;
    private boolean running = true;
    private UpdateProxy loaded;
    private int restarts;
    private int failRestarts;
    private boolean denyRestarts;
    private Runnable onRestart = () -> {};

    public SimulatedUpdateService(Supplier<UpdateProxy> storeValue) {
        this.storeValue = storeValue;
        this.loaded = storeValue.get();
    }

    /** The proxy the service uses now: what it loaded when it last started, or what it would load when stopped. */
    public UpdateProxy effective() {
        return running ? loaded : storeValue.get();
    }

    public int restarts() {
        return restarts;
    }

    public void setRunning(boolean value) {
        if (value && !running) {
            loaded = storeValue.get();
        }
        running = value;
    }

    public void failNextRestart() {
        failRestarts++;
    }

    public void denyRestarts(boolean value) {
        denyRestarts = value;
    }

    public void onRestart(Runnable hook) {
        onRestart = hook;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void restart() throws ServiceException {
        if (denyRestarts) {
            throw new ServiceException("OpenService(wuauserv) failed: Access is denied (ERROR_ACCESS_DENIED, 5) [simulated]", true);
        }
        if (failRestarts > 0) {
            failRestarts--;
            throw new ServiceException("wuauserv did not reach STOPPED within 30 s (still STOP_PENDING) [simulated]", false);
        }
        loaded = storeValue.get();
        restarts++;
        onRestart.run();
    }
}
