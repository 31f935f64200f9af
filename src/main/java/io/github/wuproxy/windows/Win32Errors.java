package io.github.wuproxy.windows;

import java.util.Map;

/** Win32 error codes as "Access is denied (ERROR_ACCESS_DENIED, 5)": the symbolic name is searchable, the text is not. */
final class Win32Errors {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(2, "ERROR_FILE_NOT_FOUND"),
            Map.entry(5, "ERROR_ACCESS_DENIED"),
            Map.entry(8, "ERROR_NOT_ENOUGH_MEMORY"),
            Map.entry(87, "ERROR_INVALID_PARAMETER"),
            Map.entry(1053, "ERROR_SERVICE_REQUEST_TIMEOUT"),
            Map.entry(1056, "ERROR_SERVICE_ALREADY_RUNNING"),
            Map.entry(1058, "ERROR_SERVICE_DISABLED"),
            Map.entry(1060, "ERROR_SERVICE_DOES_NOT_EXIST"),
            Map.entry(1062, "ERROR_SERVICE_NOT_ACTIVE"),
            Map.entry(1460, "ERROR_TIMEOUT"),
            Map.entry(12002, "ERROR_WINHTTP_TIMEOUT"),
            Map.entry(12004, "ERROR_WINHTTP_INTERNAL_ERROR"),
            Map.entry(12005, "ERROR_WINHTTP_INVALID_URL"),
            Map.entry(12006, "ERROR_WINHTTP_UNRECOGNIZED_SCHEME"),
            Map.entry(12007, "ERROR_WINHTTP_NAME_NOT_RESOLVED"),
            Map.entry(12029, "ERROR_WINHTTP_CANNOT_CONNECT"),
            Map.entry(12166, "ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT"),
            Map.entry(12167, "ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT"),
            Map.entry(12178, "ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR"),
            Map.entry(12180, "ERROR_WINHTTP_AUTODETECTION_FAILED"));

    private Win32Errors() {}

    static String name(int code) {
        return NAMES.getOrDefault(code, "error");
    }

    /** "{call} failed: {system text} ({NAME}, {code})". */
    static String describe(String call, int code, String systemText) {
        String text = systemText == null ? "" : systemText.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return call + " failed: " + (text.isEmpty() ? "" : text + " ") + "(" + name(code) + ", " + code + ")";
    }

    static boolean isDenied(int code) {
        return code == 5;
    }
}
