package io.github.wuproxy.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.Backup;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StoredSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
    @TempDir
    Path folder;

    private static Backup backup(String hex) {
        return new Backup(new StoredSettings(HexFormat.of().parseHex(hex), Optional.of(UpdateProxy.fixed("old.example:3128", "<local>")),
                Map.of("LOCALSYSTEM", "MANUAL_PROXY old.example:3128 <local>"), Optional.empty()), Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void keepsTheOriginalByteForByte() throws Exception {
        var store = new FileStateStore(folder.resolve("state"));
        String hex = "2800000005000000030000001000000061";
        store.saveBackup(backup(hex + "00"));
        Backup read = store.backup().orElseThrow();
        assertArrayEquals(HexFormat.of().parseHex(hex + "00"), read.original().winHttpSettings());
        assertEquals(Map.of("LOCALSYSTEM", "MANUAL_PROXY old.example:3128 <local>"), read.original().bitsRaw());
        assertEquals(Optional.of(UpdateProxy.fixed("old.example:3128", "<local>")), read.original().winHttp());
        assertEquals(Instant.parse("2026-03-03T08:00:00Z"), read.takenAt());
    }

    @Test
    void keepsEachRegistryViewsOwnBytesAndReadsOlderBackupsAsOneForBoth() throws Exception {
        var store = new FileStateStore(folder);
        byte[] bit64 = HexFormat.of().parseHex("2800000005000000030000001000000061");
        byte[] bit32 = HexFormat.of().parseHex("1800000002000000010000000000000000000000");
        store.saveBackup(new Backup(new StoredSettings(bit64, Optional.empty(), Map.of(), Optional.empty(), bit32), Instant.EPOCH));
        assertArrayEquals(bit32, store.backup().orElseThrow().original().winHttpSettings32());
        Path older = Files.createDirectories(folder.resolve("older"));
        Files.writeString(older.resolve(FileStateStore.BACKUP),
                "{\"takenAt\":\"2026-03-03T08:00:00Z\",\"winHttpSettings\":\"2800000005000000030000001000000061\",\"bitsRaw\":{}}");
        assertArrayEquals(bit64, new FileStateStore(older).backup().orElseThrow().original().winHttpSettings32(),
                "a backup from before the 32-bit view was kept: that view held the 64-bit bytes");
    }

    @Test
    void neverReplacesTheFirstBackup() throws Exception {
        var store = new FileStateStore(folder);
        store.saveBackup(backup("1800000000000000010000000000000000000000"));
        var e = assertThrows(StateException.class, () -> store.saveBackup(backup("2800000000000000010000000000000000000000")));
        assertTrue(e.getMessage().contains("never replaced"), e.getMessage());
        assertEquals("1800000000000000010000000000000000000000",
                HexFormat.of().formatHex(store.backup().orElseThrow().original().winHttpSettings()));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void roundTripsTheAgentState() throws Exception {
        var store = new FileStateStore(folder);
        assertEquals(AgentState.INITIAL, store.load());
        var state = new AgentState(Optional.of(new ManualChoice("corporate", true, new LocationFingerprint("ab12"))), true, true);
        store.save(state);
        store.save(state);
        assertEquals(state, new FileStateStore(folder).load());
    }

    @Test
    void aCorruptFileIsAClearErrorNotACrash() throws Exception {
        Files.writeString(folder.resolve(FileStateStore.STATE), "{not json");
        var e = assertThrows(StateException.class, () -> new FileStateStore(folder).load());
        assertTrue(e.getMessage().startsWith(folder.resolve(FileStateStore.STATE) + " is unreadable"), e.getMessage());
        Files.writeString(folder.resolve(FileStateStore.BACKUP), "{\"winHttpSettings\":\"zz\"}");
        assertTrue(assertThrows(StateException.class, () -> new FileStateStore(folder).backup()).getMessage().contains("keep it"));
    }

    @Test
    void anUnwritableFolderIsAStateException() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        var store = new FileStateStore(file);
        assertThrows(StateException.class, () -> store.save(AgentState.INITIAL));
        assertThrows(StateException.class, () -> store.saveBackup(backup("1800000000000000010000000000000000000000")));
    }
}
