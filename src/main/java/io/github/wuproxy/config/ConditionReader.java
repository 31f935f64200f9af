package io.github.wuproxy.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.github.wuproxy.core.location.Cidr;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.core.profile.Condition;
import io.github.wuproxy.core.profile.MatchRule;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Reads the conditions of one {@code when} block, reporting every bad value with its line. */
final class ConditionReader {
    static final Set<String> KEYS = new TreeSet<>(List.of("dns-suffix", "dns-server", "gateway", "gateway-mac", "subnet",
            "ssid", "interface-kind", "network-category", "network-name", "user-proxy", "resolves", "reverse-dns",
            "reachable", "https-beacon", "not"));

    private final Problems problems;

    ConditionReader(Problems problems) {
        this.problems = problems;
    }

    Optional<MatchRule> rule(ConfigValue block) {
        if (block.valueType() != ConfigValueType.OBJECT) {
            problems.add(block, "each entry of `when` must be a block of conditions in { }, like { dns-suffix = corp.example.com }, found a "
                    + block.valueType().name().toLowerCase());
            return Optional.empty();
        }
        ConfigObject object = (ConfigObject) block;
        if (object.isEmpty()) {
            problems.add(block, "an empty `when` block { } would match every network; add a condition, or remove the block");
            return Optional.empty();
        }
        ConfigValue priorityValue = object.get("priority");
        OptionalInt priority = OptionalInt.empty();
        if (priorityValue != null) {
            if (!(priorityValue.unwrapped() instanceof Integer number)) {
                problems.add(priorityValue, "`priority` in a `when` block must be a whole number (higher wins), found \"" + priorityValue.unwrapped() + "\"");
                return Optional.empty();
            }
            priority = OptionalInt.of(number);
            object = object.withoutKey("priority");
            if (object.isEmpty()) {
                problems.add(block, "a `when` block with only a priority would match every network; add a condition");
                return Optional.empty();
            }
        }
        Optional<List<Condition>> conditions = conditions(object);
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        var rule = new MatchRule(conditions.get(), problems.position(block.origin()), priority);
        NeverMatches.explain(rule).ifPresent(why -> problems.add(block, "this `when` block can never match: " + why));
        return Optional.of(rule);
    }

    private Optional<List<Condition>> conditions(ConfigObject object) {
        List<Condition> conditions = new ArrayList<>();
        boolean ok = true;
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            Optional<Condition> condition = condition(entry.getKey(), entry.getValue());
            condition.ifPresent(conditions::add);
            ok &= condition.isPresent();
        }
        return ok ? Optional.of(conditions) : Optional.empty();
    }

    private Optional<Condition> condition(String key, ConfigValue value) {
        return switch (key) {
            case "dns-suffix" -> each(key, value, s -> s).map(Condition.DnsSuffix::new);
            case "dns-server" -> each(key, value, Cidr::parse).map(Condition.DnsServer::new);
            case "gateway" -> each(key, value, Cidr::parse).map(Condition.GatewayIs::new);
            case "gateway-mac" -> each(key, value, s -> s).flatMap(macs -> build(key, value, () -> new Condition.GatewayMac(macs)));
            case "subnet" -> each(key, value, Cidr::parse).map(Condition.Subnet::new);
            case "ssid" -> each(key, value, s -> s).map(Condition.Ssid::new);
            case "interface-kind" -> each(key, value, LinkKind::fromWord).map(Condition.InterfaceKind::new);
            case "network-category" -> each(key, value, NetworkCategory::fromWord).map(Condition.Category::new);
            case "network-name" -> each(key, value, s -> s).map(Condition.NetworkName::new);
            case "user-proxy" -> each(key, value, UserProxySettings.Mode::fromWord).map(Condition.UserProxy::new);
            case "reachable" -> each(key, value, s -> s).flatMap(list -> build(key, value, () -> new Condition.Reachable(list)));
            case "resolves" -> objects(key, value, Set.of("host", "to"), this::resolution).map(Condition.Resolves::new);
            case "reverse-dns" -> objects(key, value, Set.of("address", "name"), this::reverseLookup).map(Condition.ReverseDns::new);
            case "https-beacon" -> objects(key, value, Set.of("url", "sha256"), this::beacon).map(Condition.HttpsBeacon::new);
            case "not" -> not(value);
            default -> {
                problems.add(value, "unknown condition `" + key + "`" + Suggestions.didYouMean(key, KEYS));
                yield Optional.empty();
            }
        };
    }

    private Optional<Condition> not(ConfigValue value) {
        if (value.valueType() != ConfigValueType.OBJECT || ((ConfigObject) value).isEmpty()) {
            problems.add(value, "`not` takes a block of conditions, like not { interface-kind = cellular }");
            return Optional.empty();
        }
        return conditions((ConfigObject) value).map(Condition.Not::new);
    }

    private Condition.Resolution resolution(ConfigObject object) {
        List<Cidr> to = new ArrayList<>();
        ConfigValue targets = object.get("to");
        if (targets != null) {
            for (String text : scalars(targets)) {
                to.add(Cidr.parse(text));
            }
        }
        return new Condition.Resolution(text(object, "host"), to);
    }

    private Condition.ReverseLookup reverseLookup(ConfigObject object) {
        return new Condition.ReverseLookup(IpAddress.parse(text(object, "address")), text(object, "name"));
    }

    private Condition.Beacon beacon(ConfigObject object) {
        return new Condition.Beacon(text(object, "url"), text(object, "sha256"));
    }

    private static String text(ConfigObject object, String key) {
        ConfigValue value = object.get(key);
        if (value == null) {
            throw new IllegalArgumentException("`" + key + "` is missing");
        }
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
            throw new IllegalArgumentException("`" + key + "` must be a single value");
        }
        return String.valueOf(value.unwrapped());
    }

    private static List<String> scalars(ConfigValue value) {
        if (value.valueType() == ConfigValueType.LIST) {
            List<String> texts = new ArrayList<>();
            for (ConfigValue item : (ConfigList) value) {
                texts.add(String.valueOf(item.unwrapped()));
            }
            return texts;
        }
        return List.of(String.valueOf(value.unwrapped()));
    }

    private <T> Optional<List<T>> each(String key, ConfigValue value, Function<String, T> parse) {
        List<ConfigValue> items = items(value);
        if (items.isEmpty()) {
            problems.add(value, "`" + key + " = []` can never hold; give at least one value or remove the condition");
            return Optional.empty();
        }
        List<T> parsed = new ArrayList<>();
        boolean ok = true;
        for (ConfigValue item : items) {
            if (item.valueType() == ConfigValueType.OBJECT || item.valueType() == ConfigValueType.LIST
                    || item.valueType() == ConfigValueType.NULL) {
                problems.add(item, "`" + key + "` takes a value or a list of values, found a "
                        + item.valueType().name().toLowerCase());
                ok = false;
                continue;
            }
            try {
                parsed.add(parse.apply(String.valueOf(item.unwrapped())));
            } catch (IllegalArgumentException e) {
                problems.add(item, "`" + key + "`: " + e.getMessage());
                ok = false;
            }
        }
        return ok ? Optional.of(parsed) : Optional.empty();
    }

    private <T> Optional<List<T>> objects(String key, ConfigValue value, Set<String> fields, Function<ConfigObject, T> parse) {
        List<ConfigValue> items = items(value);
        if (items.isEmpty()) {
            problems.add(value, "`" + key + " = []` can never hold; give at least one entry or remove the condition");
            return Optional.empty();
        }
        List<T> parsed = new ArrayList<>();
        boolean ok = true;
        for (ConfigValue item : items) {
            if (item.valueType() != ConfigValueType.OBJECT) {
                problems.add(item, "`" + key + "` takes a block { " + String.join(", ", new TreeSet<>(fields))
                        + " } or a list of them");
                ok = false;
                continue;
            }
            ConfigObject object = (ConfigObject) item;
            for (String field : object.keySet()) {
                if (!fields.contains(field)) {
                    problems.add(object.get(field), "unknown key `" + field + "` in `" + key + "`"
                            + Suggestions.didYouMean(field, fields));
                    ok = false;
                }
            }
            try {
                parsed.add(parse.apply(object));
            } catch (IllegalArgumentException e) {
                problems.add(item, "`" + key + "`: " + e.getMessage());
                ok = false;
            }
        }
        return ok ? Optional.of(parsed) : Optional.empty();
    }

    private Optional<Condition> build(String key, ConfigValue value, java.util.function.Supplier<Condition> build) {
        try {
            return Optional.of(build.get());
        } catch (IllegalArgumentException e) {
            problems.add(value, "`" + key + "`: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<ConfigValue> items(ConfigValue value) {
        if (value.valueType() == ConfigValueType.LIST) {
            return List.copyOf((ConfigList) value);
        }
        return List.of(value);
    }
}
