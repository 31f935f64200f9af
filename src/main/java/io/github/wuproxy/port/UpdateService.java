package io.github.wuproxy.port;

/** The Windows Update service (wuauserv), which loads the WinHTTP proxy when it starts. */
public interface UpdateService {
    boolean isRunning() throws ServiceException;

    /** Stops the service, waits until it is stopped, starts it and waits until it runs. */
    void restart() throws ServiceException;
}
