package io.github.wuproxy.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Json reads and writes with jackson-core alone; here it is held against what Jackson's ObjectMapper
 * (which it replaced) reads and writes: the same trees, node types, text and errors.
 */
class JsonAsObjectMapperTest {
    /** With FAIL_ON_TRAILING_TOKENS: Json refuses text after the value, where readTree's default would ignore it. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build());
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("", "  \n", "{}", "[]", "{} trailing", "1 2", "null", "true", "false", "0", "-0", "-0.0",
                "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
                "1.5", "1e300", "1e400", "-1.25E-7", "0.1", "3.141592653589793238462643383279", "\"a\\u0000b\\n\\t\\\"\\\\/\"",
                "\"é – 日本 😀 \\ud83d\\ude00\"", "\"\\u2028\\u2029</script>\"", "{\"a\":1,\"a\":2}", "{\"p@ss:w/rd%\":\"x\\ny\"}",
                "{\"a\":[1,{\"b\":[null,true,false,\"\"]}],\"c\":{\"d\":-1.0}}", "[1,2,", "{\"a\":}", "{'a':1}", "{a:1}", "[1 2]", "nul",
                "\"unterminated", "{\"a\":1,}", "[1,]", "\"ctrl \u0001\"", "\u00ef\u00bb\u00bf{}", "{\"v\":NaN}", "0x10", "01", "+1", ".5", "1.",
                "{\"a\":1}\n{\"b\":2}", "[" + "[".repeat(62) + "]".repeat(62) + "]", "[".repeat(65) + "]".repeat(65), "[".repeat(100000)));
        texts.add("\"" + "x".repeat(1 << 20) + "\"");
        texts.add("\"" + "x".repeat((1 << 20) + 1) + "\"");
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":[").append(i).append(",").append(i * 0.5).append("]");
        }
        texts.add(wide.append("}").toString());
        return texts;
    }

    @Test
    void readsEveryTextAsObjectMapperDidAndFailsWhereItFailedWithTheSameReason() {
        for (String text : texts()) {
            String label = text.length() > 60 ? text.substring(0, 60) + "…" : text;
            JsonNode expected;
            try {
                expected = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                var refused = assertThrows(JsonFormatException.class, () -> Json.parse(text), label);
                if (e.getOriginalMessage().startsWith("Trailing token")) {
                    assertTrue(refused.getMessage().matches("not valid JSON at (line \\d+, )?column \\d+: more text after the end of the (object|value); .*"),
                            label + ": " + refused.getMessage());
                } else {
                    assertEquals(e.getOriginalMessage(), refusedReason(text, refused), label);
                }
                continue;
            }
            JsonNode read = assertDoesNotThrow(text, label);
            assertEquals(expected, read, label);
            assertEquals(kinds(expected), kinds(read), label);
            if (!read.isMissingNode()) {
                assertEquals(expected.toString(), Json.write(read), label);
                assertArrayEquals(bytes(expected), Json.writePretty(read), label);
            }
        }
    }

    @Test
    void writesBuiltTreesAsToStringDid() {
        var node = Json.object().put("op", "use").put("profile", "a\"b\n\u0000\u2028😀").put("n", 1L << 40).put("d", 0.1).put("f", 1.5f)
                .put("big", new java.math.BigDecimal("1E+3")).put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY);
        node.putNull("nothing");
        node.putArray("list").add(1).add("two").addObject().put("three", true);
        node.putObject("empty");
        node.putArray("none");
        assertEquals(node.toString(), Json.write(node));
        assertArrayEquals(bytes(node), Json.writePretty(node));
    }

    private static JsonNode assertDoesNotThrow(String text, String label) {
        try {
            return Json.parse(text);
        } catch (JsonFormatException e) {
            throw new AssertionError(label + ": " + e.getMessage(), e);
        }
    }

    /** The reason Json gives comes from the parser's message; the same message must give the same words. */
    private static String refusedReason(String text, JsonFormatException refused) {
        try {
            MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String words = Json.inWords(e.getOriginalMessage());
            return refused.getMessage().endsWith(": " + words) ? e.getOriginalMessage() : refused.getMessage();
        }
        return "read";
    }

    private static String kinds(JsonNode node) {
        StringBuilder out = new StringBuilder(node.getNodeType() + "/" + node.getClass().getSimpleName());
        node.forEach(child -> out.append('(').append(kinds(child)).append(')'));
        return out.toString();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
