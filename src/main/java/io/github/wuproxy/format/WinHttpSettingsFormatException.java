package io.github.wuproxy.format;

/** A {@code WinHttpSettings} registry value that is not in a layout wuproxy knows; says where it broke. */
public final class WinHttpSettingsFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public WinHttpSettingsFormatException(String message) {
        super(message);
    }
}
