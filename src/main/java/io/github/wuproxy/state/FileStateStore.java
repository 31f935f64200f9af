package io.github.wuproxy.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.port.AgentState;
import io.github.wuproxy.port.Backup;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.StateStore;
import io.github.wuproxy.port.StoredSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state folder: {@code original-settings.json}, written once and atomically before the first
 * change, and {@code agent-state.json} (manual choice, pause, a pending restart). Every file is
 * written to a temporary name and moved into place, so a crash or a full disk never leaves half a file.
 */
public final class FileStateStore implements StateStore {
    static final String BACKUP = "original-settings.json";
    static final String STATE = "agent-state.json";
    static final String LOCK = "agent.lock";
    /** Far more than a state file or a backup ever holds. */
    private static final int MAX_BYTES = 1024 * 1024;
    private final Path folder;

    public FileStateStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Optional<Backup> backup() throws StateException {
        Path file = folder.resolve(BACKUP);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.parse(read(file));
            byte[] raw = HexFormat.of().parseHex(Json.text(node, "winHttpSettings", ""));
            Optional<UpdateProxy> winHttp = proxy(node.get("winHttp"));
            Map<String, String> bitsRaw = new LinkedHashMap<>();
            JsonNode bits = node.get("bitsRaw");
            if (bits != null && bits.isObject()) {
                bits.properties().forEach(e -> bitsRaw.put(e.getKey(), e.getValue().asText()));
            }
            // Backups from before the 32-bit view was kept: it held what the 64-bit view held.
            byte[] raw32 = node.has("winHttpSettings32") ? HexFormat.of().parseHex(Json.text(node, "winHttpSettings32", "")) : raw;
            return Optional.of(new Backup(new StoredSettings(raw, winHttp, bitsRaw, proxy(node.get("bits")), raw32),
                    Instant.parse(Json.text(node, "takenAt", ""))));
        } catch (IOException | JsonFormatException | RuntimeException e) {
            throw new StateException(file + " is unreadable (" + e.getMessage() + "); it holds the proxy settings from before "
                    + "wuproxy's first change: keep it, and restore by hand from its winHttpSettings hex if needed", e);
        }
    }

    private static Optional<UpdateProxy> proxy(JsonNode node) throws JsonFormatException {
        return ProxyJson.readOptional(node, "backup");
    }

    @Override
    public void saveBackup(Backup backup) throws StateException {
        StoredSettings original = backup.original();
        ObjectNode node = Json.object();
        node.put("takenAt", backup.takenAt().toString());
        node.put("winHttpSettings", HexFormat.of().formatHex(original.winHttpSettings()));
        node.put("winHttpSettings32", HexFormat.of().formatHex(original.winHttpSettings32()));
        node.set("winHttp", original.winHttp().map(ProxyJson::write).orElse(null));
        ObjectNode bitsRaw = node.putObject("bitsRaw");
        original.bitsRaw().forEach(bitsRaw::put);
        node.set("bits", original.bits().map(ProxyJson::write).orElse(null));
        Path target = folder.resolve(BACKUP);
        Path temp = writeTemp(BACKUP, node);
        try {
            // A hard link is created atomically and fails when the target exists: the first backup is never replaced.
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw new StateException("a backup exists already at " + target + "; it is never replaced");
        } catch (UnsupportedOperationException | IOException e) {
            moveUnlessPresent(temp, target);
        } finally {
            deleteQuietly(temp);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StateException("could not save " + target);
        }
    }

    private void moveUnlessPresent(Path temp, Path target) throws StateException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new StateException("a backup exists already at " + target + "; it is never replaced");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StateException("could not save " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteBackup() throws StateException {
        try {
            Files.deleteIfExists(folder.resolve(BACKUP));
        } catch (IOException e) {
            throw new StateException("could not delete " + folder.resolve(BACKUP) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public AgentState load() throws StateException {
        Path file = folder.resolve(STATE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return AgentState.INITIAL;
        }
        try {
            JsonNode node = Json.parse(read(file));
            Optional<ManualChoice> manual = Optional.empty();
            JsonNode choice = node.get("manual");
            if (choice != null && choice.isObject()) {
                manual = Optional.of(new ManualChoice(Json.text(choice, "profile", "manual."), choice.path("sticky").asBoolean(),
                        new LocationFingerprint(Json.text(choice, "madeAt", "manual."))));
            }
            return new AgentState(manual, node.path("paused").asBoolean(), node.path("restartPending").asBoolean());
        } catch (IOException | JsonFormatException e) {
            throw new StateException(file + " is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * A state file's text: a regular file only, never read through a link (which could point at any
     * file) nor opened if it is a FIFO or a device (which would block or never end).
     */
    static String read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            String what = attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory() ? "a folder" : "a FIFO, socket or device";
            throw new IOException("it is " + what + ", not a regular file, so wuproxy does not read it; move it away (mv " + file
                    + " " + file + ".suspect) and look at what it is");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException("it is " + attributes.size() + " bytes, far more than wuproxy ever writes");
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void save(AgentState state) throws StateException {
        ObjectNode node = Json.object();
        state.manual().ifPresentOrElse(choice -> node.putObject("manual").put("profile", choice.profileName())
                .put("sticky", choice.sticky()).put("madeAt", choice.madeAt().value()), () -> node.putNull("manual"));
        node.put("paused", state.paused());
        node.put("restartPending", state.restartPending());
        Path temp = writeTemp(STATE, node);
        try {
            Files.move(temp, folder.resolve(STATE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new StateException("could not save " + folder.resolve(STATE) + ": " + e.getMessage(), e);
        }
    }

    private Path writeTemp(String name, ObjectNode node) throws StateException {
        try {
            Files.createDirectories(folder);
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(folder + " is a link, not a folder");
            }
            Path temp = Files.createTempFile(folder, name, ".tmp");
            try {
                Files.write(temp, Json.writePretty(node));
            } catch (IOException e) {
                deleteQuietly(temp);
                throw e;
            }
            return temp;
        } catch (IOException e) {
            throw new StateException("could not write to the state folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Held while an agent runs on this state folder; {@link #lock()} returns it. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the single-instance lock of this state folder, before the agent reads or writes anything
     * of the machine: a second agent on the same data folder is refused here. Released when the
     * process ends, however it ends.
     */
    public Lock lock() throws StateException {
        Path file = folder.resolve(LOCK);
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null; // held by this very process
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new StateException("another wuproxy agent" + holder + " is running on " + folder.getParent()
                        + "; stop it first (`wuproxy status` talks to it), or give this one another folder with -Dwuproxy.data");
            }
            channel.truncate(0).write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            return () -> {
                try {
                    channel.close(); // releases the lock
                } catch (IOException e) {
                    // the process is ending; the lock goes with it
                }
            };
        } catch (IOException e) {
            throw new StateException("could not take the lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel channel) {
        try {
            java.nio.ByteBuffer pid = java.nio.ByteBuffer.allocate(20);
            channel.read(pid, 0);
            String text = new String(pid.array(), 0, pid.position(), StandardCharsets.US_ASCII).strip();
            return text.matches("\\d+") ? " (process " + text + ")" : "";
        } catch (IOException e) {
            return ""; // Windows locks are mandatory: the holder's pid cannot be read
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The temporary file stays; it is ignored and harmless.
        }
    }
}
