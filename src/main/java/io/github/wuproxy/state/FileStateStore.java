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
import java.nio.file.FileAlreadyExistsException;
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
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
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

    private static Optional<UpdateProxy> proxy(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.path("mode").asText().equals("direct")) {
            return Optional.of(UpdateProxy.direct());
        }
        return Optional.of(UpdateProxy.fixed(node.path("server").asText(), node.path("bypass").asText()));
    }

    @Override
    public void saveBackup(Backup backup) throws StateException {
        StoredSettings original = backup.original();
        ObjectNode node = Json.MAPPER.createObjectNode();
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
        if (!Files.exists(target)) {
            throw new StateException("could not save " + target);
        }
    }

    private void moveUnlessPresent(Path temp, Path target) throws StateException {
        if (Files.exists(target)) {
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
        if (!Files.exists(file)) {
            return AgentState.INITIAL;
        }
        try {
            JsonNode node = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
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

    @Override
    public void save(AgentState state) throws StateException {
        ObjectNode node = Json.MAPPER.createObjectNode();
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
            Path temp = Files.createTempFile(folder, name, ".tmp");
            try {
                Files.write(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
            } catch (IOException e) {
                deleteQuietly(temp);
                throw e;
            }
            return temp;
        } catch (IOException e) {
            throw new StateException("could not write to the state folder " + folder + ": " + e.getMessage(), e);
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
