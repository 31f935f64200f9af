package io.github.wuproxy.port;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalInt;

/** One finished Windows Update scan: succeeded, or failed with the error it logged. */
public record ScanResult(Instant at, OptionalInt error) {
    public static ScanResult succeeded(Instant at) {
        return new ScanResult(at, OptionalInt.empty());
    }

    public static ScanResult failed(Instant at, int error) {
        return new ScanResult(at, OptionalInt.of(error));
    }

    public boolean succeeded() {
        return error.isEmpty();
    }

    /** "0x80072EFD", or "ok". */
    public String code() {
        return error.isEmpty() ? "ok" : String.format(Locale.ROOT, "0x%08X", error.getAsInt());
    }
}
