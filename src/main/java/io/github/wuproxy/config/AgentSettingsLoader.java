package io.github.wuproxy.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import io.github.wuproxy.core.profile.ProfileProblem;
import io.github.wuproxy.port.ProfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@code agent.conf} over the defaults, reporting every unknown key and bad value with its line. */
public final class AgentSettingsLoader {
    private static final String ROOT = "wuproxy";

    private AgentSettingsLoader() {}

    static AgentSettings defaults() {
        try {
            return read(reference(), new Problems("reference.conf"));
        } catch (ConfigException e) {
            throw new IllegalStateException("the bundled reference.conf is broken", e);
        }
    }

    /** Loads {@code file}; a missing file means all defaults. */
    public static AgentSettings load(Path file) throws ProfileException {
        if (file == null || !Files.exists(file)) {
            return defaults();
        }
        Problems problems = new Problems(file.toString());
        Optional<Config> parsed = SafeHocon.parse(file, problems);
        if (parsed.isEmpty()) {
            throw new ProfileException(problems.all());
        }
        Config user = parsed.get();
        Config defaults = reference();
        for (Map.Entry<String, ConfigValue> entry : user.root().entrySet()) {
            if (!defaults.getConfig(ROOT).root().containsKey(entry.getKey())) {
                problems.add(entry.getValue(), "unknown setting `" + entry.getKey() + "`"
                        + Suggestions.didYouMean(entry.getKey(), defaults.getConfig(ROOT).root().keySet()));
            }
        }
        AgentSettings settings = read(user.atPath(ROOT).withFallback(defaults), problems);
        if (!problems.isEmpty()) {
            throw new ProfileException(problems.all());
        }
        return settings;
    }

    private static Config reference() {
        return ConfigFactory.parseResources(AgentSettingsLoader.class, "/reference.conf").resolve();
    }

    private static AgentSettings read(Config merged, Problems problems) {
        Config c = merged.getConfig(ROOT);
        Reader r = new Reader(c, problems);
        String fallback = r.text("fallback-profile", "mobile");
        Duration settle = r.duration("settle-delay", Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(2));
        Duration drift = r.duration("drift-check-interval", Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofMinutes(15));
        Duration probe = r.duration("probe-timeout", Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofMillis(1500));
        String foreign = r.text("foreign-write", "reassert").toLowerCase(Locale.ROOT);
        AgentSettings.ForeignWritePolicy policy = AgentSettings.ForeignWritePolicy.REASSERT;
        if (foreign.equals("yield")) {
            policy = AgentSettings.ForeignWritePolicy.YIELD;
        } else if (!foreign.equals("reassert")) {
            problems.add(c.getValue("foreign-write"), "`foreign-write` must be reassert or yield, found \"" + foreign + "\"");
        }
        boolean restart = r.bool("restart-update-service", true);
        List<Duration> retries = r.durations("retry-delays", Duration.ofSeconds(1), Duration.ofHours(1));
        String portal = r.text("captive-portal-url", "").strip();
        if (!portal.isEmpty() && !portal.toLowerCase(Locale.ROOT).startsWith("http://")) {
            problems.add(c.getValue("captive-portal-url"), "`captive-portal-url` must be an http:// URL (portals intercept plain HTTP), or \"\" to turn the check off");
        }
        boolean notifications = r.bool("notifications", true);
        String level = r.text("log-level", "INFO").toUpperCase(Locale.ROOT);
        if (!List.of("INFO", "DEBUG", "WARN").contains(level)) {
            problems.add(c.getValue("log-level"), "`log-level` must be INFO, DEBUG or WARN, found \"" + level + "\"");
        }
        Duration preScan = r.duration("pre-scan-lead", Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofMinutes(2));
        return new AgentSettings(fallback, settle, drift, probe, policy, restart, retries, portal, notifications, level, preScan);
    }

    /** Typed reads that record a problem instead of throwing. */
    private record Reader(Config config, Problems problems) {
        String text(String key, String fallback) {
            try {
                return config.getString(key);
            } catch (ConfigException e) {
                problems.add(e.origin(), ConfigErrors.describe(e));
                return fallback;
            }
        }

        boolean bool(String key, boolean fallback) {
            try {
                return config.getBoolean(key);
            } catch (ConfigException e) {
                problems.add(e.origin(), "`" + key + "` must be true or false");
                return fallback;
            }
        }

        Duration duration(String key, Duration min, Duration max, Duration fallback) {
            try {
                Duration value = config.getDuration(key);
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    problems.add(config.getValue(key), "`" + key + "` must be from " + human(min) + " to " + human(max)
                            + ", found " + human(value));
                    return fallback;
                }
                return value;
            } catch (ConfigException e) {
                problems.add(e.origin(), "`" + key + "` must be a duration like 2s, 500ms or 15m (" + ConfigErrors.describe(e) + ")");
                return fallback;
            }
        }

        List<Duration> durations(String key, Duration min, Duration max) {
            try {
                List<Duration> values = new ArrayList<>(config.getDurationList(key));
                for (Duration value : values) {
                    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                        problems.add(config.getValue(key), "each of `" + key + "` must be from " + human(min) + " to " + human(max));
                        return List.of();
                    }
                }
                return values;
            } catch (ConfigException e) {
                problems.add(e.origin(), "`" + key + "` must be a list of durations like [5s, 30s, 2m]");
                return List.of();
            }
        }

        private static String human(Duration d) {
            if (d.toMillis() % 60_000 == 0 && d.toMinutes() > 0) {
                return d.toMinutes() + "m";
            }
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        }
    }
}
