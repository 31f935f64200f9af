package io.github.wuproxy.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.JsonFormatException;
import io.github.wuproxy.json.UserProxyJson;
import io.github.wuproxy.port.StateException;
import io.github.wuproxy.port.UserProxyBackups;
import io.github.wuproxy.port.UserProxySnapshot;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One user's own proxy settings from before wuproxy first changed them: {@code user-proxy-original.json}
 * in a folder of that user's (on Windows, %LOCALAPPDATA%\wuproxy). Written once, never replaced,
 * never read through a link.
 */
public final class FileUserProxyBackups implements UserProxyBackups {
    static final String FILE = "user-proxy-original.json";
    private final Path folder;

    public FileUserProxyBackups(Path folder) {
        this.folder = folder;
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    @Override
    public Optional<UserProxySnapshot> backup() throws StateException {
        Path file = file();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.parse(FileStateStore.read(file));
            byte[] raw = HexFormat.of().parseHex(Json.text(node, "connectionSettings", ""));
            Map<String, String> legacy = new TreeMap<>();
            node.path("legacy").properties().forEach(e -> legacy.put(e.getKey(), e.getValue().asText()));
            JsonNode settings = node.get("settings");
            return Optional.of(new UserProxySnapshot(raw, legacy,
                    settings == null || settings.isNull() ? Optional.empty() : Optional.of(UserProxyJson.read(settings))));
        } catch (IOException | JsonFormatException | RuntimeException e) {
            throw new StateException(file + " is unreadable (" + e.getMessage() + "); it holds your proxy settings from before "
                    + "wuproxy's first change: keep it, and restore by hand from its connectionSettings hex if needed", e);
        }
    }

    @Override
    public void saveBackup(UserProxySnapshot original) throws StateException {
        ObjectNode node = Json.object();
        node.put("connectionSettings", HexFormat.of().formatHex(original.connectionSettings()));
        ObjectNode legacy = node.putObject("legacy");
        original.legacy().forEach(legacy::put);
        node.set("settings", original.settings().map(UserProxyJson::write).orElse(null));
        Path target = file();
        try {
            Files.createDirectories(folder);
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new StateException(folder + " is a link, not a folder; wuproxy does not write through it");
            }
            Path temp = Files.createTempFile(folder, FILE, ".tmp");
            try {
                Files.write(temp, Json.writePretty(node));
                Files.createLink(target, temp); // atomic, and fails when the target exists: the first backup is never replaced
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new StateException("a backup of your proxy settings exists already at " + target + "; it is never replaced");
        } catch (IOException e) {
            throw new StateException("could not save " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteBackup() throws StateException {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new StateException("could not delete " + file() + ": " + e.getMessage(), e);
        }
    }
}
