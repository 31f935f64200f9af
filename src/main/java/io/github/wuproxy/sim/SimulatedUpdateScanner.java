package io.github.wuproxy.sim;

import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.UpdateScanner;

/** Counts the scans asked for; can be told to refuse. */
public final class SimulatedUpdateScanner implements UpdateScanner {
    private int scans;
    private boolean refuse;
    private Runnable onScan = () -> {};

    /** Runs {@code action} for every scan started. */
    public void onScan(Runnable action) {
        onScan = action;
    }

    public void refuse(boolean value) {
        refuse = value;
    }

    public int scans() {
        return scans;
    }

    @Override
    public void startScan() throws ServiceException {
        if (refuse) {
            throw new ServiceException("UsoClient StartScan exited with 5 [simulated]", true);
        }
        scans++;
        onScan.run();
    }
}
