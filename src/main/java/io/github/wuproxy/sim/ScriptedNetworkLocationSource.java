package io.github.wuproxy.sim;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.port.SourceException;

/** A location that changes when a script or test says so; probe results come with the snapshot. */
public final class ScriptedNetworkLocationSource implements NetworkLocationSource {
    private NetworkLocation current = NetworkLocation.offline();
    private Runnable onChange = () -> {};
    private int failReads;

    /** The laptop is now here; signals a change like Windows would. */
    public void moveTo(NetworkLocation location) {
        current = location == null ? NetworkLocation.offline() : location;
        onChange.run();
    }

    /** Changes the location without a signal, as while the laptop sleeps. */
    public void setQuietly(NetworkLocation location) {
        current = location == null ? NetworkLocation.offline() : location;
    }

    public void failNextReads(int count) {
        failReads = count;
    }

    public NetworkLocation location() {
        return current;
    }

    @Override
    public NetworkLocation current(ProbeRequest probes) throws SourceException {
        if (failReads > 0) {
            failReads--;
            throw new SourceException("simulated: the interface list could not be read");
        }
        return current;
    }

    @Override
    public void start(Runnable onChange) {
        this.onChange = onChange;
    }

    @Override
    public void stop() {
        onChange = () -> {};
    }
}
