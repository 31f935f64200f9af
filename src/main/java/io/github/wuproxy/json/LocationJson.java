package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.location.Gateway;
import io.github.wuproxy.core.location.HostAddress;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.location.ProbeResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON form of a {@link NetworkLocation}: what {@code wuproxy record} writes and
 * {@code wuproxy simulate} reads. Keep it stable; it is the format IT keeps recordings in.
 */
public final class LocationJson {
    private static final Set<String> LOCATION_FIELDS = Set.of("name", "interfaces", "category", "networkName", "dns",
            "reverseDns", "reachable", "beacons", "pac", "captivePortal");
    private static final Set<String> LINK_FIELDS = Set.of("name", "kind", "dnsSuffix", "addresses", "gateways",
            "dnsServers", "ssid");

    private LocationJson() {}

    public static NetworkLocation read(JsonNode node) throws JsonFormatException {
        Json.object(node, "network");
        Json.onlyKeys(node, "network", LOCATION_FIELDS);
        List<NetworkLink> links = new ArrayList<>();
        JsonNode interfaces = node.get("interfaces");
        if (interfaces != null && !interfaces.isNull()) {
            if (!interfaces.isArray()) {
                throw new JsonFormatException("`network.interfaces` must be a list");
            }
            for (int i = 0; i < interfaces.size(); i++) {
                links.add(link(interfaces.get(i), "network.interfaces[" + i + "]."));
            }
        }
        String category = Json.optionalText(node, "category", "network.");
        JsonNode captive = node.get("captivePortal");
        if (captive != null && !captive.isNull() && !captive.isBoolean()) {
            throw new JsonFormatException("`network.captivePortal` must be true or false");
        }
        try {
            return new NetworkLocation(
                    Optional.ofNullable(Json.optionalText(node, "name", "network.")).orElse(""),
                    links,
                    category == null ? NetworkCategory.UNKNOWN : NetworkCategory.fromWord(category),
                    Json.optionalText(node, "networkName", "network."),
                    probes(node),
                    captive != null && captive.asBoolean());
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`network.category`: " + e.getMessage());
        }
    }

    private static NetworkLink link(JsonNode node, String path) throws JsonFormatException {
        Json.object(node, path.substring(0, path.length() - 1));
        Json.onlyKeys(node, path.substring(0, path.length() - 1), LINK_FIELDS);
        String name = Json.text(node, "name", path);
        String field = "kind";
        try {
            LinkKind kind = LinkKind.fromWord(Json.text(node, "kind", path));
            field = "addresses";
            List<HostAddress> addresses = new ArrayList<>();
            for (String text : Json.texts(node, "addresses", path)) {
                addresses.add(HostAddress.parse(text));
            }
            field = "gateways";
            List<Gateway> gateways = new ArrayList<>();
            JsonNode list = node.get("gateways");
            if (list != null && !list.isNull()) {
                for (JsonNode gateway : list) {
                    if (gateway.isTextual()) {
                        gateways.add(Gateway.of(gateway.textValue(), null));
                    } else {
                        Json.onlyKeys(Json.object(gateway, path + "gateways[]"), path + "gateways[]", Set.of("ip", "mac"));
                        gateways.add(Gateway.of(Json.text(gateway, "ip", path + "gateways[]."),
                                Json.optionalText(gateway, "mac", path + "gateways[].")));
                    }
                }
            }
            field = "dnsServers";
            List<IpAddress> dns = new ArrayList<>();
            for (String text : Json.texts(node, "dnsServers", path)) {
                dns.add(IpAddress.parse(text));
            }
            field = "ssid";
            return new NetworkLink(name, kind, Json.optionalText(node, "dnsSuffix", path), addresses, gateways, dns,
                    Optional.ofNullable(Json.optionalText(node, "ssid", path)));
        } catch (IllegalArgumentException e) {
            throw new JsonFormatException("`" + path + field + "`: " + e.getMessage());
        }
    }

    private static ProbeResults probes(JsonNode node) throws JsonFormatException {
        Map<String, List<IpAddress>> dns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(node, "dns")) {
            List<IpAddress> addresses = new ArrayList<>();
            if (!entry.getValue().isArray()) {
                throw new JsonFormatException("`network.dns." + entry.getKey() + "` must be a list of addresses");
            }
            for (JsonNode address : entry.getValue()) {
                try {
                    addresses.add(IpAddress.parse(address.asText()));
                } catch (IllegalArgumentException e) {
                    throw new JsonFormatException("`network.dns." + entry.getKey() + "`: " + e.getMessage());
                }
            }
            dns.put(entry.getKey().toLowerCase(Locale.ROOT), addresses);
        }
        Map<String, String> reverse = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(node, "reverseDns")) {
            try {
                reverse.put(IpAddress.parse(entry.getKey()).toString(), textValue(entry, "reverseDns"));
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException("`network.reverseDns`: " + e.getMessage());
            }
        }
        List<String> reachable = new ArrayList<>();
        for (String endpoint : Json.texts(node, "reachable", "network.")) {
            reachable.add(endpoint.toLowerCase(Locale.ROOT));
        }
        Map<String, String> beacons = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(node, "beacons")) {
            beacons.put(entry.getKey(), textValue(entry, "beacons").replace(":", "").toLowerCase(Locale.ROOT));
        }
        Map<String, String> pac = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(node, "pac")) {
            pac.put(entry.getKey(), textValue(entry, "pac"));
        }
        return new ProbeResults(dns, reverse, Set.copyOf(reachable), beacons, pac);
    }

    private static String textValue(Map.Entry<String, JsonNode> entry, String field) throws JsonFormatException {
        if (!entry.getValue().isTextual()) {
            throw new JsonFormatException("`network." + field + "." + entry.getKey() + "` must be a string");
        }
        return entry.getValue().textValue();
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node, String field) throws JsonFormatException {
        JsonNode value = node.get(field);
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        Json.object(value, "network." + field);
        result.addAll(value.properties());
        return result;
    }

    public static ObjectNode write(NetworkLocation location) {
        ObjectNode node = Json.object();
        node.put("name", location.name());
        ArrayNode interfaces = node.putArray("interfaces");
        for (NetworkLink link : location.links()) {
            ObjectNode out = interfaces.addObject();
            out.put("name", link.name());
            out.put("kind", link.kind().word());
            out.put("dnsSuffix", link.dnsSuffix());
            ArrayNode addresses = out.putArray("addresses");
            link.addresses().forEach(a -> addresses.add(a.toString()));
            ArrayNode gateways = out.putArray("gateways");
            for (Gateway gateway : link.gateways()) {
                ObjectNode g = gateways.addObject();
                g.put("ip", gateway.ip().toString());
                g.put("mac", gateway.mac().orElse(null));
            }
            ArrayNode dns = out.putArray("dnsServers");
            link.dnsServers().forEach(d -> dns.add(d.toString()));
            out.put("ssid", link.ssid().orElse(null));
        }
        node.put("category", location.category().word());
        node.put("networkName", location.networkName());
        ProbeResults probes = location.probes();
        ObjectNode dns = node.putObject("dns");
        probes.dns().forEach((host, addresses) -> {
            ArrayNode list = dns.putArray(host);
            addresses.forEach(a -> list.add(a.toString()));
        });
        ObjectNode reverse = node.putObject("reverseDns");
        probes.reverseDns().forEach(reverse::put);
        ArrayNode reachable = node.putArray("reachable");
        probes.reachable().forEach(reachable::add);
        ObjectNode beacons = node.putObject("beacons");
        probes.beacons().forEach(beacons::put);
        ObjectNode pac = node.putObject("pac");
        probes.pac().forEach(pac::put);
        if (location.captivePortal()) {
            node.put("captivePortal", true);
        }
        return node;
    }
}
