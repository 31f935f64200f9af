package io.github.wuproxy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.testing.HostileStrings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
    @Test
    void writesEachLineAsTheMapperWritesIt() throws Exception {
        ObjectNode line = Json.object().put("t", 31326.0).put("type", "write").put("count", 3).put("big", 1L << 40)
                .put("tiny", 1e-7).put("huge", 1.5e300).put("pass", true).put("quote", "a \"b\"\n\u0001\u2028é").putNull("bits");
        line.putObject("proxy").put("mode", "fixed").put("server", "p:8080").putObject("empty");
        line.putArray("list").add(1).add("two").addNull().add(false).addArray();
        line.put("decimal", new BigDecimal("0.10")).put("integer", new BigInteger("123456789012345678901234567890"));
        line.put("nan", Double.NaN).put("float", 1.25f);
        for (String hostile : HostileStrings.PASSWORDS) {
            line.withArray("hostile").add(hostile);
        }
        StringWriter written = new StringWriter();
        try (JsonLines out = new JsonLines(written)) {
            out.write(line);
            out.write(Json.object());
        }
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(line) + "\n{}\n", written.toString());
    }

    @Test
    void partsSharedByManyLinesAreWrittenAsEachLineHoldsThem() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<com.fasterxml.jackson.databind.JsonNode> parts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) { // more parts than are kept, so some are met again after they were let go
            ObjectNode part = Json.object().put("mode", "fixed").put("server", "p" + i + ".example:8080");
            part.putArray("list").add(i).addObject().put("nested", "x\"\n" + i);
            parts.add(i % 3 == 0 ? part.withArray("list") : part);
        }
        StringBuilder expected = new StringBuilder();
        StringWriter written = new StringWriter();
        try (JsonLines out = new JsonLines(written)) {
            java.util.Random random = new java.util.Random(7);
            for (int n = 0; n < 2000; n++) {
                ObjectNode line = Json.object().put("t", n * 0.5).put("type", "scan");
                line.set("effective", parts.get(random.nextInt(parts.size())));
                line.set("expected", parts.get(random.nextInt(4)));
                line.put("fits", n % 2 == 0);
                line.set("baseline", random.nextBoolean() ? parts.get(random.nextInt(parts.size())) : null);
                out.write(line);
                expected.append(mapper.valueToTree(line).toString()).append('\n');
            }
        }
        assertEquals(expected.toString(), written.toString());
    }

    @Test
    void everyLineIsOutInOrderWhenFlushReturns() {
        StringWriter written = new StringWriter();
        try (JsonLines out = new JsonLines(written)) {
            for (int i = 0; i < 5_000; i++) { // several batches and a part of one
                out.write(Json.object().put("i", i));
            }
            out.flush();
            String text = written.toString();
            assertEquals(5_000, text.lines().count());
            assertTrue(text.startsWith("{\"i\":0}\n{\"i\":1}\n") && text.endsWith("{\"i\":4999}\n"));
            out.write(Json.object().put("after", true));
        }
        assertTrue(written.toString().endsWith("{\"i\":4999}\n{\"after\":true}\n"));
    }

    @Test
    void aWriterThatFailsFailsTheCallerAndNoOneWaitsForever() {
        Writer full = failing(() -> new IOException("No space left on device"));
        JsonLines out = new JsonLines(full);
        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> {
            for (int i = 0; i < 100_000; i++) {
                out.write(Json.object().put("line", "x".repeat(100)));
            }
            out.flush();
        });
        assertEquals("No space left on device", failed.getCause().getMessage());
        assertThrows(UncheckedIOException.class, out::close);
        out.close(); // once closed, closing again does nothing
    }

    @Test
    void anErrorOnTheWritersThreadReachesTheCallerInsteadOfAHang() {
        Writer broken = failing(() -> new StackOverflowError("planted"));
        JsonLines out = new JsonLines(broken);
        StackOverflowError failed = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(StackOverflowError.class, () -> {
                    for (int i = 0; i < 100_000; i++) {
                        out.write(Json.object().put("line", i));
                    }
                    out.close();
                }));
        assertEquals("planted", failed.getMessage());
        assertThrows(StackOverflowError.class, out::close);
        assertThrows(IllegalStateException.class, () -> out.write(Json.object()), "closed");
    }

    /** A writer whose every write fails with what {@code failure} makes. */
    private static Writer failing(java.util.function.Supplier<Throwable> failure) {
        return new Writer() {
            @Override
            public void write(char[] text, int offset, int length) throws IOException {
                Throwable thrown = failure.get();
                if (thrown instanceof IOException e) {
                    throw e;
                }
                throw (Error) thrown;
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
