package io.github.wuproxy.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UserProxyBackups;
import io.github.wuproxy.port.UserProxySnapshot;
import io.github.wuproxy.port.UserProxyStatus;
import io.github.wuproxy.sim.InMemoryUserProxyBackups;
import io.github.wuproxy.sim.SimulatedUserProxyStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The user's own proxy is written only when it differs, backed up once before the first change, and restorable byte for byte. */
class UserProxyKeeperTest {
    private static final UserProxySettings OFFICE = UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example:8080", "<local>"));
    private final SimulatedUserProxyStore user = SimulatedUserProxyStore.holding(OFFICE);
    private final InMemoryUserProxyBackups backups = new InMemoryUserProxyBackups();
    private final UserProxyKeeper keeper = new UserProxyKeeper(user, backups);

    private static UserProxyStatus wants(UserProxySettings settings) {
        return new UserProxyStatus(Optional.of(settings), "profile home sets it", Optional.empty());
    }

    @Test
    void keepWritesNothing() {
        assertInstanceOf(UserProxyKeeper.Outcome.Unchanged.class, keeper.keep(UserProxyStatus.UNKNOWN));
        assertEquals(0, user.writes());
        assertEquals(Optional.empty(), backups.backup());
    }

    @Test
    void backsUpTheOriginalOnceAndPutsItBackByteForByte() throws Exception {
        byte[] original = user.bytes();
        assertEquals(new UserProxyKeeper.Outcome.Written(Optional.of(OFFICE), UserProxySettings.DIRECT), keeper.keep(wants(UserProxySettings.DIRECT)));
        assertEquals(Optional.of(UserProxySettings.DIRECT), user.current());
        var pac = UserProxySettings.pac("http://wpad.cafe.example/p.pac");
        keeper.keep(wants(pac));
        assertEquals(Optional.of(pac), user.current());
        assertEquals(2, user.writes());
        assertArrayEquals(original, backups.backup().orElseThrow().connectionSettings(), "the backup is the first original, not a later value");
        user.restore(backups.backup().orElseThrow());
        assertArrayEquals(original, user.bytes());
        assertEquals(Optional.of(OFFICE), user.current(), "the settings are read again from the bytes put back");
    }

    @Test
    void writesNothingWhenTheUserHoldsItAlready() {
        assertInstanceOf(UserProxyKeeper.Outcome.Unchanged.class, keeper.keep(wants(OFFICE)));
        assertEquals(0, user.writes());
        assertEquals(Optional.empty(), backups.backup());
    }

    @Test
    void aRefusedWriteIsReportedAndChangesNothing() {
        byte[] before = user.bytes();
        user.failNextWrite(StoreException.Reason.DENIED);
        var outcome = assertInstanceOf(UserProxyKeeper.Outcome.Failed.class, keeper.keep(wants(UserProxySettings.DIRECT)));
        assertEquals(true, outcome.why().startsWith("could not set your proxy to direct"), outcome.why());
        assertArrayEquals(before, user.bytes());
    }

    @Test
    void noBackupNoWrite() {
        UserProxyBackups full = new UserProxyBackups() {
            public Optional<UserProxySnapshot> backup() {
                return Optional.empty();
            }

            public void saveBackup(UserProxySnapshot original) throws StateException {
                throw new StateException("disk full");
            }

            public void deleteBackup() {}
        };
        var outcome = new UserProxyKeeper(user, full).keep(wants(UserProxySettings.DIRECT));
        assertInstanceOf(UserProxyKeeper.Outcome.Failed.class, outcome);
        assertEquals(0, user.writes());
        assertEquals(Optional.of(OFFICE), user.current());
    }
}
