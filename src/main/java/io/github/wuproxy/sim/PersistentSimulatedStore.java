package io.github.wuproxy.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.UpdateProxyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Windows machine's proxy settings kept in a file, so that off Windows the agent and the
 * CLI share one "machine" that outlives the process, as the registry does.
 */
public final class PersistentSimulatedStore implements UpdateProxyStore {
    private final Path file;
    private final InMemoryUpdateProxyStore memory;
    /** The file as last loaded or saved here; anything else found there was written by someone else. */
    private Optional<FileTime> seen;
    private Thread watcher;

    private PersistentSimulatedStore(Path file, InMemoryUpdateProxyStore memory) {
        this.file = file;
        this.memory = memory;
        this.seen = stamp(file);
    }

    /** Opens the machine in {@code file}; a new machine starts direct. */
    public static PersistentSimulatedStore open(Path file) throws StoreException {
        var memory = InMemoryUpdateProxyStore.direct();
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            memory.restore(load(file));
        }
        return new PersistentSimulatedStore(file, memory);
    }

    private static StoredSettings load(Path file) throws StoreException {
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("it is a link, a folder or a FIFO, not a regular file"); // never read through it, never block on it
            }
            JsonNode node = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, String> bits = new HashMap<>();
            node.path("bits").properties().forEach(e -> bits.put(e.getKey(), e.getValue().asText()));
            byte[] raw = HexFormat.of().parseHex(node.path("winHttpSettings").asText());
            var settings = new StoredSettings(raw, Optional.empty(), bits, Optional.empty());
            var check = InMemoryUpdateProxyStore.direct(); // a value the machine could not hold fails here, with the file named
            check.restore(settings);
            check.current();
            return settings;
        } catch (Exception e) {
            throw new StoreException(StoreException.Reason.FAILED,
                    "the simulated machine in " + file + " is unreadable (" + e.getMessage() + "); delete it to start direct");
        }
    }

    /**
     * Takes in an edit of the file by someone else (a person, another process), as the registry
     * watcher reports another program's write on Windows: the watchers hear of it.
     */
    private void takeInForeignEdit() throws StoreException {
        Optional<FileTime> now = stamp(file);
        if (now.equals(seen) || now.isEmpty()) {
            return;
        }
        StoredSettings edited = load(file);
        seen = now;
        if (!edited.equals(memory.read())) {
            memory.restore(edited);
        }
    }

    private static Optional<FileTime> stamp(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public UpdateProxy current() {
        return memory.current();
    }

    /** What the machine holds, the file's own contents when someone else edited it since. */
    @Override
    public StoredSettings read() throws StoreException {
        takeInForeignEdit();
        return memory.read();
    }

    @Override
    public void writeWinHttp(UpdateProxy proxy) throws StoreException {
        memory.writeWinHttp(proxy);
        save();
    }

    @Override
    public void writeBits(UpdateProxy proxy) throws StoreException {
        memory.writeBits(proxy);
        save();
    }

    @Override
    public void restore(StoredSettings original) throws StoreException {
        memory.restore(original);
        save();
    }

    /**
     * Also calls {@code onWrite} when the file changes on disk (a hand edit, another process), as the
     * registry watcher does on Windows, so the engine hears of another program's write at once and says so
     * (WUP500) before the next drift check quietly puts its own back. The engine's read then takes the edit in.
     */
    @Override
    public synchronized void watch(Runnable onWrite) {
        memory.watch(onWrite);
        if (watcher == null) {
            watcher = watchFile(file, onWrite);
        }
    }

    /** A daemon thread that calls {@code onChange} whenever {@code file} is created, replaced or modified. */
    private static Thread watchFile(Path file, Runnable onChange) {
        Path folder = file.toAbsolutePath().getParent();
        Path name = file.getFileName();
        java.nio.file.WatchService service;
        try {
            Files.createDirectories(folder);
            service = folder.getFileSystem().newWatchService();
            folder.register(service, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE, java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(PersistentSimulatedStore.class)
                    .warn("edits of {} by hand are noticed only at the next drift check: {}", file, e.toString());
            return null;
        }
        Thread thread = new Thread(() -> {
            try (service) {
                while (true) {
                    java.nio.file.WatchKey key = service.take();
                    boolean ours = key.pollEvents().stream().anyMatch(event -> event.kind() == java.nio.file.StandardWatchEventKinds.OVERFLOW
                            || name.equals(event.context()));
                    if (ours) {
                        onChange.run();
                    }
                    if (!key.reset()) {
                        return; // the folder is gone
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | java.nio.file.ClosedWatchServiceException e) {
                org.slf4j.LoggerFactory.getLogger(PersistentSimulatedStore.class).debug("stopped watching {}: {}", file, e.toString());
            }
        }, "wuproxy-machine-file");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void save() throws StoreException {
        ObjectNode node = Json.object();
        node.put("winHttpSettings", HexFormat.of().formatHex(memory.winHttpSettings()));
        ObjectNode bits = node.putObject("bits");
        memory.bitsUsage().forEach(bits::put);
        String user = field(file, PersistentSimulatedUserProxy.KEY); // the user's settings live in the same file
        if (user != null) {
            node.put(PersistentSimulatedUserProxy.KEY, user);
        }
        write(file, node);
        seen = stamp(file); // our own write is no edit by hand
    }

    /** One text field of the machine file; null when the file or the field does not exist. */
    static String field(Path file, String key) throws StoreException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("it is a link, a folder or a FIFO, not a regular file");
            }
            JsonNode value = Json.parse(Files.readString(file, StandardCharsets.UTF_8)).get(key);
            return value == null || value.isNull() ? null : value.asText();
        } catch (Exception e) {
            throw new StoreException(StoreException.Reason.FAILED,
                    "the simulated machine in " + file + " is unreadable (" + e.getMessage() + "); delete it to start direct");
        }
    }

    /** Sets one text field of the machine file, keeping the others. */
    static void saveField(Path file, String key, String value) throws StoreException {
        ObjectNode node = Json.object();
        field(file, key); // refuses a link, a FIFO or a broken file, naming it
        if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                node = (ObjectNode) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new StoreException(StoreException.Reason.FAILED, "the simulated machine in " + file + " is unreadable (" + e.getMessage() + ")");
            }
        }
        node.put(key, value);
        write(file, node);
    }

    private static void write(Path file, ObjectNode node) throws StoreException {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "machine", ".tmp");
            Files.write(temp, Json.writePretty(node));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.FAILED, "could not save the simulated machine to " + file + ": " + e.getMessage());
        }
    }
}
