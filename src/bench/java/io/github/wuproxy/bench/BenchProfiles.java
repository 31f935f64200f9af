package io.github.wuproxy.bench;

import io.github.wuproxy.config.HoconProfileCatalog;
import io.github.wuproxy.core.profile.ProfileSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated profile sets: {@code count} profiles of 5 conditions each, none matching the benchmark's networks but the last. */
final class BenchProfiles {
    private BenchProfiles() {}

    static ProfileSet of(int count) throws Exception {
        Path dir = Files.createTempDirectory("wuproxy-bench-profiles");
        for (int i = 0; i < count; i++) {
            write(dir.resolve("p" + i + ".conf"), """
                    name = p%d
                    priority = %d
                    proxy = direct
                    when = [ { dns-suffix = "site%d.example", ssid = "Wifi %d", subnet = "10.%d.%d.0/24",
                               gateway-mac = "02-00-00-00-%02x-%02x", network-category = [private, public] } ]
                    """.formatted(i, i % 50, i, i, (i / 256) % 256, i % 256, (i / 256) % 256, i % 256));
        }
        write(dir.resolve("fallback.conf"), "name = fallback\nproxy = follow-user\n");
        return HoconProfileCatalog.of(dir, "fallback").load();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
