package io.github.wuproxy.sim;

import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.format.WinHttpSettingsFormatException;
import io.github.wuproxy.format.WinInetConnectionSettings;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UserProxySnapshot;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.port.UserProxyWriter;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated user's own proxy settings, held as the bytes Windows keeps ({@code DefaultConnectionSettings}):
 * a write changes them as WinINet's per-connection options do (counter up, flags with DIRECT), a
 * restore puts the bytes back as they were.
 */
public class SimulatedUserProxyStore implements UserProxyWriter, UserProxySource {
    private byte[] bytes;
    /** {@link #current()} of these bytes, decoded once per change: read at every round and scan, so without the lock. */
    private volatile Optional<UserProxySettings> decoded;
    private final Map<Said, Optional<UserProxySettings>> saidBefore = new java.util.HashMap<>();
    private int writes;
    private Optional<StoreException.Reason> failNext = Optional.empty();

    public SimulatedUserProxyStore(byte[] bytes) {
        this.bytes = java.util.Arrays.copyOf(bytes, bytes.length);
    }

    /** A user whose settings were set once, as Settings › Proxy would leave them. */
    public static SimulatedUserProxyStore holding(UserProxySettings settings) {
        return new SimulatedUserProxyStore(WinInetConnectionSettings.fresh().with(settings).encode());
    }

    /** The user changes their settings by hand (Settings › Proxy). */
    public synchronized void set(UserProxySettings settings) {
        bytes = parsed().with(settings).encode();
        decoded = null;
    }

    public synchronized void failNextWrite(StoreException.Reason reason) {
        failNext = Optional.of(reason);
    }

    /** How many times wuproxy wrote them. */
    public synchronized int writes() {
        return writes;
    }

    public synchronized byte[] bytes() {
        return java.util.Arrays.copyOf(bytes, bytes.length);
    }

    @Override
    public Optional<UserProxySettings> current() {
        Optional<UserProxySettings> known = decoded;
        return known != null ? known : decode();
    }

    private synchronized Optional<UserProxySettings> decode() {
        if (decoded == null) {
            decoded = bytes.length == 0 ? Optional.of(UserProxySettings.DIRECT) : settings(parsed());
        }
        return decoded;
    }

    /** What the decoded bytes say, worked out once for each value met (a user goes back and forth; the counter differs each time). */
    private Optional<UserProxySettings> settings(WinInetConnectionSettings now) {
        Said said = new Said(now.flags(), now.proxy(), now.bypass(), now.autoConfigUrl());
        Optional<UserProxySettings> known = saidBefore.get(said);
        if (known == null) {
            if (saidBefore.size() == 64) {
                saidBefore.clear();
            }
            Optional<UserProxySettings> settings = now.asUserSettings();
            // one object for the same settings, whatever text the bytes keep of modes switched off: compared at every step
            known = saidBefore.values().stream().filter(settings::equals).findFirst().orElse(settings);
            saidBefore.put(said, known);
        }
        return known;
    }

    /** Equals written out: a record's own is made at run time through method handles, slowly in the client compiler's code. */
    private record Said(int flags, String proxy, String bypass, String autoConfigUrl) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Said s && flags == s.flags && proxy.equals(s.proxy) && bypass.equals(s.bypass)
                    && autoConfigUrl.equals(s.autoConfigUrl);
        }

        @Override
        public int hashCode() {
            return ((flags * 31 + proxy.hashCode()) * 31 + bypass.hashCode()) * 31 + autoConfigUrl.hashCode();
        }
    }

    @Override
    public synchronized UserProxySnapshot read() {
        return new UserProxySnapshot(bytes, Map.of(), current());
    }

    @Override
    public synchronized void write(UserProxySettings settings) throws StoreException {
        if (failNext.isPresent()) {
            StoreException.Reason reason = failNext.get();
            failNext = Optional.empty();
            throw new StoreException(reason, "simulated: the user's proxy settings could not be written");
        }
        set(settings);
        writes++;
        saved();
    }

    @Override
    public synchronized void restore(UserProxySnapshot original) throws StoreException {
        bytes = original.connectionSettings();
        decoded = null;
        saved();
    }

    /** Called after every change wuproxy makes; a file-backed store saves here. */
    protected void saved() throws StoreException {}

    private WinInetConnectionSettings parsed() {
        if (bytes.length == 0) {
            return WinInetConnectionSettings.fresh();
        }
        try {
            return WinInetConnectionSettings.decode(bytes);
        } catch (WinHttpSettingsFormatException e) {
            throw new IllegalStateException("the simulated user's proxy settings are not understood: " + e.getMessage(), e);
        }
    }
}
