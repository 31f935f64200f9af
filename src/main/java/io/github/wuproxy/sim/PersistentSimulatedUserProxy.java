package io.github.wuproxy.sim;

import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.StoreException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The simulated machine's signed-in user's own proxy settings, kept in the simulated machine's file
 * ({@code userConnectionSettings}, the bytes Windows would keep) beside its WinHTTP value.
 */
public final class PersistentSimulatedUserProxy extends SimulatedUserProxyStore {
    static final String KEY = "userConnectionSettings";
    private final Path file;

    private PersistentSimulatedUserProxy(Path file, byte[] bytes) {
        super(bytes);
        this.file = file;
    }

    /** The user in the machine {@code file}; a new machine's user is direct. */
    public static PersistentSimulatedUserProxy open(Path file) throws StoreException {
        String hex = PersistentSimulatedStore.field(file, KEY);
        try {
            byte[] bytes = hex == null ? SimulatedUserProxyStore.holding(UserProxySettings.DIRECT).bytes() : HexFormat.of().parseHex(hex);
            var user = new PersistentSimulatedUserProxy(file, bytes);
            user.current(); // a value the simulated user cannot hold fails here, with the file named
            return user;
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.Reason.FAILED,
                    "the simulated user's proxy settings in " + file + " are unreadable (" + e.getMessage() + "); delete " + KEY + " from it");
        }
    }

    @Override
    protected void saved() throws StoreException {
        PersistentSimulatedStore.saveField(file, KEY, HexFormat.of().formatHex(bytes()));
    }
}
