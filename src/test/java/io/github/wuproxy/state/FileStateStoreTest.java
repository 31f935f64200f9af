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

    private static void mkfifo(Path path) throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor());
    }

    @Test
    void aFifoInPlaceOfTheStateOrTheBackupIsRefusedAtOnceNeverAHang() throws Exception {
        Path state = Files.createDirectories(folder.resolve("state"));
        mkfifo(state.resolve(FileStateStore.STATE));
        mkfifo(state.resolve(FileStateStore.BACKUP));
        var store = new FileStateStore(state);
        var loaded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(StateException.class, store::load));
        assertTrue(loaded.getMessage().contains("is unreadable: it is a FIFO, socket or device, not a regular file"), loaded.getMessage());
        var backup = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> assertThrows(StateException.class, store::backup));
        assertTrue(backup.getMessage().contains("a FIFO, socket or device, not a regular file, so wuproxy does not read it; move it away"),
                backup.getMessage());
        assertThrows(StateException.class, () -> store.saveBackup(backup("00")), "an existing backup, of any kind, is never replaced");
    }

    @Test
    void neitherReadsNorWritesThroughALink(@TempDir Path elsewhere) throws Exception {
        Path state = Files.createDirectories(folder.resolve("state"));
        Path victim = Files.writeString(elsewhere.resolve("victim"), "{\"paused\":true}");
        Files.createSymbolicLink(state.resolve(FileStateStore.STATE), victim);
        Files.createSymbolicLink(state.resolve(FileStateStore.BACKUP), victim);
        var store = new FileStateStore(state);
        assertTrue(assertThrows(StateException.class, store::load).getMessage().contains("it is a symbolic link"));
        assertTrue(assertThrows(StateException.class, store::backup).getMessage().contains("it is a symbolic link"));
        store.save(AgentState.INITIAL);
        assertEquals("{\"paused\":true}", Files.readString(victim), "the link was replaced, its target untouched");
        assertTrue(Files.isRegularFile(state.resolve(FileStateStore.STATE), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aStateFolderThatIsALinkIsNotWrittenThrough(@TempDir Path elsewhere) throws Exception {
        Files.createSymbolicLink(folder.resolve("state"), elsewhere);
        var store = new FileStateStore(folder.resolve("state"));
        assertThrows(StateException.class, () -> store.save(AgentState.INITIAL));
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void theLockRefusesASecondProcessAndNamesTheFirst() throws Exception {
        var store = new FileStateStore(folder.resolve("state"));
        // another process holds it: a JVM started from this test's class path, locking the same file
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), folder.resolve("state").toString())
                .redirectErrorStream(true).start();
        try {
            assertEquals("locked", new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine());
            StateException refused = assertThrows(StateException.class, store::lock);
            assertTrue(refused.getMessage().startsWith("another wuproxy agent (process " + holder.pid() + ") is running on " + folder),
                    refused.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(); // SIGKILL: the kernel releases the lock
        }
        FileStateStore.Lock lock = store.lock();
        assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(folder.resolve("state").resolve(FileStateStore.LOCK)));
        assertTrue(assertThrows(StateException.class, store::lock).getMessage().startsWith("another wuproxy agent (process "
                + ProcessHandle.current().pid() + ")"), "held by this very process");
        lock.close();
        store.lock().close();
    }

    /** A second process for {@link #theLockRefusesASecondProcessAndNamesTheFirst}. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            new FileStateStore(Path.of(args[0])).lock();
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
