package io.github.wuproxy.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small checked reads over Jackson's tree model, so every error names the field at fault; read and
 * written with jackson-core's parser and generator. Jackson's ObjectMapper (and JsonNode.toString,
 * which uses one) is left to the commands that need it: its classes would cost the idle agent
 * about 4 MB.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build()).build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The one JSON value in {@code text}; text after it (but spaces) is an error, where ObjectMapper.readTree would ignore it. */
    public static JsonNode parse(String text) throws JsonFormatException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            JsonNode value = value(parser, first);
            if (parser.nextToken() != null) {
                var at = parser.currentTokenLocation();
                throw new JsonFormatException("not valid JSON" + (at.getLineNr() > 1 ? " at line " + at.getLineNr() + ", column " : " at column ")
                        + at.getColumnNr() + ": more text after the end of the " + (first == JsonToken.START_OBJECT ? "object" : "value")
                        + "; one JSON value is read here, and nothing but spaces and line ends may follow it");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new JsonFormatException("not valid JSON" + where(e) + ": " + inWords(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String cannot fail to be read
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    array.add(value(parser, item));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected " + token + " in JSON text");
        }
    }

    /** A generator over {@code out} with the settings every JSON text here is written with. */
    static JsonGenerator generator(java.io.Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** The node as one line of JSON, as JsonNode.toString writes it. */
    public static String write(JsonNode node) {
        var out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter cannot fail
        }
        return out.toString();
    }

    /** The node indented, in UTF-8, as ObjectMapper's default pretty printer writes it. */
    public static byte[] writePretty(JsonNode node) {
        var out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter());
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The node through {@code out}, as ObjectMapper writes a tree with its defaults. */
    static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode item : node) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case FLOAT -> out.writeNumber(node.floatValue());
                    case DOUBLE -> out.writeNumber(node.doubleValue());
                    default -> out.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw new IllegalArgumentException("no JSON text for a " + node.getNodeType() + " node");
        }
    }

    /** " at column 17", or " at line 3, column 17" for text of several lines; empty when the parser does not say. */
    private static String where(JsonProcessingException e) {
        var at = e.getLocation();
        if (at == null || at.getColumnNr() < 1) {
            return "";
        }
        // for a control character between values Jackson gives the column after it
        boolean after = String.valueOf(e.getOriginalMessage()).contains("allowed between tokens") && at.getColumnNr() > 1;
        int column = after ? at.getColumnNr() - 1 : at.getColumnNr();
        return at.getLineNr() > 1 ? " at line " + at.getLineNr() + ", column " + column : " at column " + column;
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
        if ((found = java.util.regex.Pattern.compile("CTRL-CHAR, code (\\d+)").matcher(m)).find() && m.contains("between tokens")) {
            return String.format(java.util.Locale.ROOT, "a control character (code %s) between values: only spaces, tabs and line ends may stand there",
                    found.group(1));
        }
        if ((found = java.util.regex.Pattern.compile("CTRL-CHAR, code (\\d+)").matcher(m)).find()) {
            return String.format(java.util.Locale.ROOT, "a control character (code %s) in a string must be written as \\u%04x",
                    found.group(1), Integer.parseInt(found.group(1)));
        }
        String character = (found = java.util.regex.Pattern.compile("^Unexpected character \\('(.+?)' \\(code (\\d+)", java.util.regex.Pattern.DOTALL)
                .matcher(m)).find() ? named(found.group(1), Integer.parseInt(found.group(2))) : "something else";
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

    /** {@code `x`}, or {@code U+00A0} for a character that cannot be seen (a no-break space, a line separator, a byte order mark). */
    private static String named(String character, int code) {
        int type = Character.getType(code);
        boolean unseen = Character.isWhitespace(code) || Character.isSpaceChar(code) || Character.isISOControl(code)
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        return !unseen ? "`" + character + "`"
                : String.format(java.util.Locale.ROOT, "U+%04X%s", code, code == 0xFEFF ? " (a byte order mark)" : "");
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
