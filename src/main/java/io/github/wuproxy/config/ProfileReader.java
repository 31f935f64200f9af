package io.github.wuproxy.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.github.wuproxy.core.profile.MatchRule;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileKind;
import io.github.wuproxy.core.profile.ProxySource;
import io.github.wuproxy.core.profile.SourcePosition;
import io.github.wuproxy.core.profile.UserProxyChoice;
import io.github.wuproxy.core.profile.Verification;
import io.github.wuproxy.core.proxy.InvalidProxyException;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Turns the parsed HOCON of one profile file into a {@link Profile}, collecting every problem. */
final class ProfileReader {
    static final Set<String> KEYS = new TreeSet<>(List.of("name", "kind", "description", "priority", "proxy", "bits", "verify", "fallback", "when", "user-proxy"));
    static final Set<String> PROXY_KEYS = new TreeSet<>(List.of("source", "server", "bypass", "url"));
    static final Set<String> SOURCES = new TreeSet<>(List.of("direct", "fixed", "follow-user", "pac", "auto-detect"));

    private final Problems problems;

    ProfileReader(Problems problems) {
        this.problems = problems;
    }

    Optional<Profile> read(ConfigObject root, String defaultName) {
        for (String key : root.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(root.get(key), "unknown key `" + key + "`" + Suggestions.didYouMean(key, KEYS));
            }
        }
        String name = text(root, "name").orElse(defaultName.toLowerCase(Locale.ROOT));
        ProfileKind kind = text(root, "kind").flatMap(word -> parse(root.get("kind"), "kind", ProfileKind::fromWord))
                .orElse(ProfileKind.CUSTOM);
        String description = text(root, "description").orElse("");
        int priority = integer(root, "priority").orElse(0);
        boolean bits = bool(root, "bits").orElse(true);
        Optional<ProxySource> source = source(root);
        Optional<List<MatchRule>> when = when(root);
        Optional<Verification> verification = verification(root);
        Optional<UserProxyChoice> userProxy = userProxy(root);
        if (source.isEmpty() || when.isEmpty() || verification.isEmpty() || userProxy.isEmpty()) {
            return Optional.empty();
        }
        if (source.get() instanceof ProxySource.FollowUser && !(userProxy.get() instanceof UserProxyChoice.Keep)) {
            problems.add(root.get("user-proxy"), "`user-proxy = " + userProxy.get().word() + "` contradicts `proxy = follow-user`: "
                    + "Windows Update would copy the user's proxy while wuproxy sets it, chasing itself; "
                    + "remove `user-proxy` (keep) or give `proxy` a source of its own");
            return Optional.empty();
        }
        try {
            return Optional.of(new Profile(name, kind, description, priority, when.get(), source.get(), bits,
                    verification.get(), problems.position(root.origin()), userProxy.get()));
        } catch (IllegalArgumentException e) {
            problems.add(root.containsKey("name") ? root.get("name").origin() : root.origin(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Verification> verification(ConfigObject root) {
        Optional<Verification.Mode> mode = root.containsKey("verify")
                ? text(root, "verify").flatMap(word -> parse(root.get("verify"), "verify", Verification.Mode::fromWord))
                : Optional.of(Verification.Mode.OFF);
        ConfigValue value = root.get("fallback");
        List<UpdateProxy> fallback = new ArrayList<>();
        boolean ok = true;
        if (value != null) {
            if (value.valueType() != ConfigValueType.LIST) {
                problems.add(value, "`fallback` must be a list, like fallback = [ \"proxy2.corp.example:8080\", direct ]");
                return Optional.empty();
            }
            for (ConfigValue entry : (ConfigList) value) {
                Optional<UpdateProxy> proxy = fallbackEntry(entry);
                proxy.ifPresent(fallback::add);
                ok &= proxy.isPresent();
            }
        }
        if (mode.isEmpty() || !ok) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Verification(mode.get(), fallback));
        } catch (IllegalArgumentException e) {
            problems.add(value, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<UpdateProxy> fallbackEntry(ConfigValue entry) {
        if (entry.valueType() != ConfigValueType.STRING) {
            problems.add(entry, "each `fallback` entry is \"host:port\" or direct");
            return Optional.empty();
        }
        String text = (String) entry.unwrapped();
        if (text.equals("direct")) {
            return Optional.of(UpdateProxy.direct());
        }
        try {
            return Optional.of(UpdateProxy.fixed(text, "<local>"));
        } catch (InvalidProxyException e) {
            problems.add(entry, "`fallback`: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ProxySource> source(ConfigObject root) {
        ConfigValue value = root.get("proxy");
        if (value == null) {
            problems.add(root.origin(), "`proxy` is missing; say where the Windows Update proxy comes from, like "
                    + "proxy = follow-user, or proxy { source = fixed, server = \"proxy.corp.example:8080\" }");
            return Optional.empty();
        }
        if (value.valueType() == ConfigValueType.STRING) {
            String word = (String) value.unwrapped();
            if (word.equals("fixed") || word.equals("pac")) {
                problems.add(value, "`proxy = " + word + "` needs more: write proxy { source = " + word
                        + (word.equals("fixed") ? ", server = \"host:port\", bypass = \"<local>\" }" : ", url = \"http://...\" }"));
                return Optional.empty();
            }
            return simpleSource(value, word);
        }
        if (value.valueType() != ConfigValueType.OBJECT) {
            problems.add(value, "`proxy` must be a word (direct, follow-user, auto-detect) or a block { source = ... }");
            return Optional.empty();
        }
        ConfigObject proxy = (ConfigObject) value;
        for (String key : proxy.keySet()) {
            if (!PROXY_KEYS.contains(key)) {
                problems.add(proxy.get(key), "unknown key `proxy." + key + "`" + Suggestions.didYouMean(key, PROXY_KEYS));
            }
        }
        Optional<String> word = text(proxy, "source");
        if (word.isEmpty()) {
            if (!proxy.containsKey("source")) {
                problems.add(proxy.origin(), "`proxy.source` is missing; use one of " + String.join(", ", SOURCES));
            }
            return Optional.empty();
        }
        return switch (word.get()) {
            case "fixed" -> fixed(proxy, "proxy").map(ProxySource.Fixed::new);
            case "pac" -> pac(proxy, "proxy").map(ProxySource.Pac::new);
            default -> simpleSource(proxy.get("source"), word.get());
        };
    }

    /** A setup script's URL from {@code key.url}. */
    private Optional<String> pac(ConfigObject proxy, String key) {
        if (!proxy.containsKey("url")) {
            problems.add(proxy.origin(), "`" + key + ".url` is missing; a pac source needs the script's URL");
            return Optional.empty();
        }
        Optional<String> url = text(proxy, "url");
        try {
            url.ifPresent(UserProxySettings::pac);
        } catch (InvalidProxyException e) {
            problems.add(proxy.get("url"), "`" + key + ".url`: " + e.getMessage());
            return Optional.empty();
        }
        return url;
    }

    /** A fixed proxy from {@code key.server} and {@code key.bypass}. */
    private Optional<UpdateProxy.Fixed> fixed(ConfigObject proxy, String key) {
        Optional<String> server = text(proxy, "server");
        if (server.isEmpty()) {
            if (!proxy.containsKey("server")) {
                problems.add(proxy.origin(), "`" + key + ".server` is missing; a fixed source needs host:port, like \"proxy.corp.example:8080\"");
            }
            return Optional.empty();
        }
        String bypass = text(proxy, "bypass").orElse("");
        try {
            UpdateProxy.fixed(server.get(), "");
        } catch (InvalidProxyException e) {
            problems.add(proxy.get("server"), "`" + key + ".server`: " + e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(UpdateProxy.fixed(server.get(), bypass));
        } catch (InvalidProxyException e) {
            problems.add(proxy.get("bypass"), "`" + key + ".bypass`: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code user-proxy}: keep (the default), same, direct, auto-detect, or a block like {@code proxy}'s. */
    private Optional<UserProxyChoice> userProxy(ConfigObject root) {
        ConfigValue value = root.get("user-proxy");
        if (value == null) {
            return Optional.of(UserProxyChoice.KEEP);
        }
        String hint = "`user-proxy` is keep, same, direct, auto-detect, or a block like user-proxy { source = fixed, "
                + "server = \"proxy.corp.example:8080\", bypass = \"<local>\" } or { source = pac, url = \"http://...\" }";
        String word;
        ConfigObject block = null;
        if (value.valueType() == ConfigValueType.STRING) {
            word = (String) value.unwrapped();
        } else if (value.valueType() == ConfigValueType.OBJECT) {
            block = (ConfigObject) value;
            for (String key : block.keySet()) {
                if (!PROXY_KEYS.contains(key)) {
                    problems.add(block.get(key), "unknown key `user-proxy." + key + "`" + Suggestions.didYouMean(key, PROXY_KEYS));
                }
            }
            if (!block.containsKey("source")) {
                problems.add(block.origin(), "`user-proxy.source` is missing; use one of direct, fixed, pac, auto-detect");
                return Optional.empty();
            }
            Optional<String> source = text(block, "source");
            if (source.isEmpty()) {
                return Optional.empty();
            }
            word = source.get();
        } else {
            problems.add(value, hint);
            return Optional.empty();
        }
        ConfigValue at = block == null ? value : block.get("source");
        return switch (word) {
            case "keep" -> Optional.of(UserProxyChoice.KEEP);
            case "same" -> Optional.of(UserProxyChoice.SAME);
            case "direct" -> Optional.of(new UserProxyChoice.Exactly(UserProxySettings.DIRECT));
            case "auto-detect" -> Optional.of(new UserProxyChoice.Exactly(UserProxySettings.autoDetected()));
            case "fixed", "pac" -> {
                if (block == null) {
                    problems.add(value, "`user-proxy = " + word + "` needs more: write user-proxy { source = " + word
                            + (word.equals("fixed") ? ", server = \"host:port\", bypass = \"<local>\" }" : ", url = \"http://...\" }"));
                    yield Optional.empty();
                }
                yield word.equals("fixed")
                        ? fixed(block, "user-proxy").map(p -> new UserProxyChoice.Exactly(UserProxySettings.fixed(p)))
                        : pac(block, "user-proxy").map(url -> new UserProxyChoice.Exactly(UserProxySettings.pac(url)));
            }
            case "follow-user" -> {
                problems.add(at, "`user-proxy` cannot follow the user: it is the user's proxy; use keep to leave it as it is");
                yield Optional.empty();
            }
            default -> {
                problems.add(at, "unknown user-proxy value \"" + word + "\"" + Suggestions.didYouMean(word,
                        new TreeSet<>(List.of("keep", "same", "direct", "fixed", "pac", "auto-detect"))).replace("known keys", "values"));
                yield Optional.empty();
            }
        };
    }

    private Optional<ProxySource> simpleSource(ConfigValue value, String word) {
        return switch (word) {
            case "direct" -> Optional.of(new ProxySource.Direct());
            case "follow-user" -> Optional.of(new ProxySource.FollowUser());
            case "auto-detect" -> Optional.of(new ProxySource.AutoDetect());
            default -> {
                problems.add(value, word.contains("@") ? "unknown proxy source: a proxy with credentials (a user:password@ part)? "
                        + "write proxy { source = fixed, server = \"host:port\" } without them"
                        : "unknown proxy source \"" + word + "\"" + Suggestions.didYouMean(word, SOURCES).replace("known keys", "sources"));
                yield Optional.empty();
            }
        };
    }

    private Optional<List<MatchRule>> when(ConfigObject root) {
        ConfigValue value = root.get("when");
        if (value == null) {
            return Optional.of(List.of());
        }
        if (value.valueType() == ConfigValueType.OBJECT) {
            return new ConditionReader(problems).rule(value).map(List::of);
        }
        if (value.valueType() != ConfigValueType.LIST) {
            problems.add(value, "`when` must be a list of blocks, like when = [ { dns-suffix = corp.example.com } ]");
            return Optional.empty();
        }
        ConfigList blocks = (ConfigList) value;
        if (blocks.isEmpty()) {
            problems.add(value, "`when = []` can never match; remove `when` to make a profile chosen only by hand or as fallback");
            return Optional.empty();
        }
        List<MatchRule> rules = new ArrayList<>();
        boolean ok = true;
        var reader = new ConditionReader(problems);
        for (ConfigValue block : blocks) {
            Optional<MatchRule> rule = reader.rule(block);
            rule.ifPresent(rules::add);
            ok &= rule.isPresent();
        }
        return ok ? Optional.of(rules) : Optional.empty();
    }

    private Optional<String> text(ConfigObject object, String key) {
        ConfigValue value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.valueType() != ConfigValueType.STRING) {
            problems.add(value, "`" + key + "` must be text, found a " + value.valueType().name().toLowerCase());
            return Optional.empty();
        }
        return Optional.of((String) value.unwrapped());
    }

    private Optional<Integer> integer(ConfigObject object, String key) {
        ConfigValue value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Object raw = value.unwrapped();
        if (raw instanceof Integer number) {
            return Optional.of(number);
        }
        problems.add(value, "`" + key + "` must be a whole number (higher wins), found \"" + raw + "\"");
        return Optional.empty();
    }

    private Optional<Boolean> bool(ConfigObject object, String key) {
        ConfigValue value = object.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value.unwrapped() instanceof Boolean flag) {
            return Optional.of(flag);
        }
        problems.add(value, "`" + key + "` must be true or false, found \"" + value.unwrapped() + "\"");
        return Optional.empty();
    }

    private <T> Optional<T> parse(ConfigValue value, String key, java.util.function.Function<String, T> parse) {
        try {
            return Optional.of(parse.apply(String.valueOf(value.unwrapped())));
        } catch (IllegalArgumentException e) {
            problems.add(value, "`" + key + "`: " + e.getMessage());
            return Optional.empty();
        }
    }

}
