package io.github.wuproxy.testing;

import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.LocationJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Recorded fixtures and the shipped profiles, for tests. */
public final class Fixtures {
    private Fixtures() {}

    public static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NetworkLocation location(String resource) {
        try {
            return LocationJson.read(Json.parse(text(resource)));
        } catch (Exception e) {
            throw new IllegalStateException("fixture " + resource + " is broken: " + e.getMessage(), e);
        }
    }

    public static Path shippedProfilesFolder() {
        return Path.of("profiles").toAbsolutePath();
    }

    public static ProfileSet shippedProfiles() {
        try {
            return HoconProfileCatalog.of(shippedProfilesFolder(), "mobile").load();
        } catch (Exception e) {
            throw new IllegalStateException("shipped profiles do not load: " + e.getMessage(), e);
        }
    }

    public static Path resourceFolder(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
