package io.github.wuproxy.port;

/** Starts a Windows Update scan now ("Check for updates now", and healing after a failed scan). */
public interface UpdateScanner {
    void startScan() throws ServiceException;
}
