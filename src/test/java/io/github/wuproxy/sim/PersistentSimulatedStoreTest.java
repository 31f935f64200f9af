package io.github.wuproxy.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentSimulatedStoreTest {
    @Test
    void theSimulatedMachineOutlivesTheProcess(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("machine.json");
        var first = PersistentSimulatedStore.open(file);
        assertEquals(UpdateProxy.direct(), first.current());
        first.writeWinHttp(UpdateProxy.fixed("p.example:8080", "<local>"));
        first.writeBits(UpdateProxy.fixed("p.example:8080", "<local>"));
        var again = PersistentSimulatedStore.open(file);
        assertEquals(UpdateProxy.fixed("p.example:8080", "<local>"), again.current());
        assertEquals(first.read(), again.read());
    }

    @Test
    void aCorruptMachineFileSaysWhatToDo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("machine.json"), "{\"winHttpSettings\":\"nothex\"}");
        var e = assertThrows(StoreException.class, () -> PersistentSimulatedStore.open(file));
        assertTrue(e.getMessage().endsWith("delete it to start direct"), e.getMessage());
    }

    @Test
    void anEditOfTheFileBySomeoneElseIsReadAndHeardAsAWrite(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("machine.json");
        var agent = PersistentSimulatedStore.open(file);
        agent.writeWinHttp(UpdateProxy.fixed("p.example:8080", "<local>"));
        var heard = new java.util.concurrent.atomic.AtomicInteger();
        agent.watch(heard::incrementAndGet);
        assertEquals(UpdateProxy.fixed("p.example:8080", "<local>"), agent.read().winHttp().orElseThrow());
        assertEquals(0, heard.get(), "reading its own write is not a write");

        var someoneElse = PersistentSimulatedStore.open(file); // another process, or a person with an editor
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0)); // even an edit that keeps an old time
        someoneElse.writeWinHttp(UpdateProxy.fixed("other.example:3128", ""));
        assertEquals(UpdateProxy.fixed("other.example:3128", ""), agent.read().winHttp().orElseThrow());
        // Heard at least once: by the read that takes the edit in, and by the file watch (MachineFileEditTest), which may come first.
        assertTrue(heard.get() >= 1, "the edit is reported like another program's write");

        Files.writeString(file, "{\"winHttpSettings\":\"nothex\"}");
        var e = assertThrows(StoreException.class, agent::read);
        assertTrue(e.getMessage().contains("is unreadable"), e.getMessage());
    }
}
