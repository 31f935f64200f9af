package io.github.wuproxy.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small checked reads over Jackson's tree model, so every error names the field at fault. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build());
    }

    private Json() {}

    public static JsonNode parse(String text) throws JsonFormatException {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null) {
                throw new JsonFormatException("no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JsonFormatException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static ObjectNode object(JsonNode node, String path) throws JsonFormatException {
        if (node == null || !node.isObject()) {
            throw new JsonFormatException("`" + path + "` must be an object {...}");
        }
        return (ObjectNode) node;
    }

    public static void onlyKeys(JsonNode node, String path, Set<String> allowed) throws JsonFormatException {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw new JsonFormatException("unknown field `" + (path.isEmpty() ? "" : path + ".") + name
                        + "`; known fields are " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    public static String text(JsonNode node, String field, String path) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new JsonFormatException("`" + path + field + "` must be a string");
        }
        return value.textValue();
    }

    public static String optionalText(JsonNode node, String field, String path) throws JsonFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new JsonFormatException("`" + path + field + "` must be a string or null");
        }
        return value.textValue();
    }

    public static List<String> texts(JsonNode node, String field, String path) throws JsonFormatException {
        JsonNode value = node.get(field);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            throw new JsonFormatException("`" + path + field + "` must be a list of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new JsonFormatException("`" + path + field + "` must contain only strings");
            }
            result.add(item.textValue());
        }
        return result;
    }
}
