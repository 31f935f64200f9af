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
            generator = Json.MAPPER.getFactory().createGenerator(out);
            generator.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(JsonNode line) {
        try {
            tree(line);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tree through the generator as the mapper writes it (its defaults: nulls and empty arrays
     * kept), without a serializer provider per line: the kinds of node simulate builds, any other by the mapper.
     */
    private void tree(JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (var field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    tree(field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode item : node) {
                    tree(item);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case NUMBER -> {
                if (node.isInt()) {
                    generator.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    generator.writeNumber(node.longValue());
                } else if (node.isDouble()) {
                    generator.writeNumber(node.doubleValue());
                } else {
                    Json.MAPPER.writeTree(generator, node);
                }
            }
            default -> Json.MAPPER.writeTree(generator, node);
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
