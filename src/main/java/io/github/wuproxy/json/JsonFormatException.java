package io.github.wuproxy.json;

/** JSON that does not have the form wuproxy expects; the message names the field. */
public final class JsonFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonFormatException(String message) {
        super(message);
    }
}
