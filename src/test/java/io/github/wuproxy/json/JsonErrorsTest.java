package io.github.wuproxy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad line of JSON is explained in words, with its column, and never with the parser's internals. */
class JsonErrorsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
        "{\"t\":1, \"pause\": tru}|not valid JSON at column 18: `tru` is not a JSON value; text needs double quotes, and the words JSON knows are true, false and null",
        "{\"t\":1, \"use\": \"direct\"|not valid JSON at column 24: the line ends before the object is closed: a `}` is missing",
        "{\"t\":1 \"use\": \"direct\"}|not valid JSON at column 8: expected `,` or `}` after a field's value, found `\"`",
        "{t:1}|not valid JSON at column 2: a field name must be in double quotes, found `t`",
        "{\"t\" 1}|not valid JSON at column 6: expected `:` after the field name, found `1`",
        "{\"a\":[1 2]}|not valid JSON at column 9: expected `,` or `]` after a list item, found `2`",
        "{\"a\":\"abc|not valid JSON at column 10: the line ends inside a string: a closing `\"` is missing",
        "{\"t\":1,\"scan\":{}} {\"t\":2,\"scan\":{}}|not valid JSON at column 19: more text after the end of the object; one JSON value is read here, and nothing but spaces and line ends may follow it",
        "1 2|not valid JSON at column 3: more text after the end of the value; one JSON value is read here, and nothing but spaces and line ends may follow it",
    })
    void saysWhatIsWrongAndWhere(String line, String message) {
        var e = assertThrows(JsonFormatException.class, () -> Json.parse(line));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aCharacterThatCannotBeSeenIsNamedByItsCode() {
        // a file saved with a byte order mark, text pasted with a no-break space, a line separator from a word processor
        assertEquals("not valid JSON at column 1: unexpected U+FEFF (a byte order mark)",
                assertThrows(JsonFormatException.class, () -> Json.parse("\uFEFF{}")).getMessage());
        assertEquals("not valid JSON at column 3: unexpected U+00A0",
                assertThrows(JsonFormatException.class, () -> Json.parse("{}\u00A0")).getMessage());
        assertEquals("not valid JSON at column 7: expected `,` or `}` after a field's value, found U+2028",
                assertThrows(JsonFormatException.class, () -> Json.parse("{\"a\":1\u2028}")).getMessage());
        assertEquals("not valid JSON at column 7: expected `,` or `}` after a field's value, found `é`",
                assertThrows(JsonFormatException.class, () -> Json.parse("{\"a\":1é}")).getMessage());
    }

    @org.junit.jupiter.api.Test
    void deepNestingAndControlCharactersAreNamed() {
        var deep = assertThrows(JsonFormatException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100)));
        assertFalse(deep.getMessage().contains("Source"), deep.getMessage());
        assertEquals("nested too deeply (at most 64 levels)", deep.getMessage().replaceFirst("^not valid JSON( at column \\d+)?: ", ""));
        var control = assertThrows(JsonFormatException.class, () -> Json.parse("{\"a\":\"x\u0001\"}"));
        assertEquals("not valid JSON at column 8: a control character (code 1) in a string must be written as \\u0001", control.getMessage());
        var between = assertThrows(JsonFormatException.class, () -> Json.parse("{\"t\":0,\u0001\"scan\":{}}"));
        assertEquals("not valid JSON at column 8: a control character (code 1) between values: only spaces, tabs and line ends may stand there",
                between.getMessage());
        var first = assertThrows(JsonFormatException.class, () -> Json.parse("\u0000\u0000"));
        assertEquals("not valid JSON at column 1: a control character (code 0) between values: only spaces, tabs and line ends may stand there",
                first.getMessage());
    }
}
