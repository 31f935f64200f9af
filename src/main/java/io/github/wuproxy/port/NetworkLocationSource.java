package io.github.wuproxy.port;

import io.github.wuproxy.core.location.NetworkLocation;

/** Where the laptop is: the current snapshot, and a signal when something about it may have changed. */
public interface NetworkLocationSource {
    /** Reads the whole location now, with the results of the probes {@code probes} asks for. */
    NetworkLocation current(ProbeRequest probes) throws SourceException;

    /**
     * Starts calling {@code onChange} (from any thread) when something may have changed. A burst of
     * calls is normal; the caller lets it settle.
     */
    void start(Runnable onChange) throws SourceException;

    void stop();
}
