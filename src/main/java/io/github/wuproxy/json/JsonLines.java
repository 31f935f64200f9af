package io.github.wuproxy.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes JSON objects one per line through one generator: simulate's output, millions of lines long. */
public final class JsonLines implements AutoCloseable {
    private final JsonGenerator generator;

    public JsonLines(Writer out) {
        try {
            generator = Json.generator(out);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(JsonNode line) {
        try {
            Json.write(generator, line);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pushes what is written so far out, so it comes before what is printed on stderr next. */
    public void flush() {
        close();
    }

    @Override
    public void close() {
        try {
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
