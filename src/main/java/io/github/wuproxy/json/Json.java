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
            throw new JsonFormatException("not valid JSON" + where(e) + ": " + inWords(e.getOriginalMessage()));
        }
    }

    /** " at column 17", or " at line 3, column 17" for text of several lines; empty when the parser does not say. */
    private static String where(JsonProcessingException e) {
        var at = e.getLocation();
        if (at == null || at.getColumnNr() < 1) {
            return "";
        }
        return at.getLineNr() > 1 ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : " at column " + at.getColumnNr();
    }

    /** Jackson's reason, said the way a person writing JSON by hand would understand it. */
    static String inWords(String jackson) {
        String m = jackson == null ? "" : jackson;
        java.util.regex.Matcher found;
        if ((found = java.util.regex.Pattern.compile("^Unrecognized token '([^']*)'").matcher(m)).find()) {
            return "`" + found.group(1) + "` is not a JSON value; text needs double quotes, and the words JSON knows are true, false and null";
        }
        if (m.contains("end-of-input") && m.contains("close marker for Object")) {
            return "the line ends before the object is closed: a `}` is missing";
        }
        if (m.contains("end-of-input") && m.contains("close marker for Array")) {
            return "the line ends before the list is closed: a `]` is missing";
        }
        if (m.contains("end-of-input") && m.toLowerCase(java.util.Locale.ROOT).contains("string")) {
            return "the line ends inside a string: a closing `\"` is missing";
        }
        if (m.contains("end-of-input")) {
            return "the line ends in the middle of a value";
        }
        if ((found = java.util.regex.Pattern.compile("CTRL-CHAR, code (\\d+)").matcher(m)).find()) {
            return String.format(java.util.Locale.ROOT, "a control character (code %s) in a string must be written as \\u%04x",
                    found.group(1), Integer.parseInt(found.group(1)));
        }
        String character = (found = java.util.regex.Pattern.compile("^Unexpected character \\('(.+?)' \\(code").matcher(m)).find()
                ? "`" + found.group(1) + "`" : "something else";
        if (m.contains("comma to separate Object entries")) {
            return "expected `,` or `}` after a field's value, found " + character;
        }
        if (m.contains("comma to separate Array entries")) {
            return "expected `,` or `]` after a list item, found " + character;
        }
        if (m.contains("double-quote to start field name")) {
            return "a field name must be in double quotes, found " + character;
        }
        if (m.contains("expecting a colon")) {
            return "expected `:` after the field name, found " + character;
        }
        if (m.contains("nesting depth")) {
            return "nested too deeply (at most 64 levels)";
        }
        if (m.contains("String value length")) {
            return "a string is too long (at most 1 MB)";
        }
        if (m.startsWith("Unexpected character")) {
            return "unexpected " + character;
        }
        int cut = m.indexOf(" at [Source");
        cut = cut < 0 ? m.indexOf(" (Source") : cut;
        cut = cut < 0 ? m.indexOf("[Source") : cut;
        return (cut < 0 ? m : m.substring(0, cut)).strip();
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
