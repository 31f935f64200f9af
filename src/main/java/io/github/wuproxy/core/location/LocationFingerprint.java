package io.github.wuproxy.core.location;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A short stable digest of the passive signals of a location. Order of interfaces and addresses,
 * the location's label and probe results do not count, so "nothing really changed" is one compare.
 */
public record LocationFingerprint(String value) {
    public static final LocationFingerprint OFFLINE = new LocationFingerprint("offline");

    public static LocationFingerprint of(NetworkLocation location) {
        if (location.isOffline()) {
            return OFFLINE;
        }
        List<String> links = new ArrayList<>();
        for (NetworkLink link : location.links()) {
            links.add(String.join("|",
                    link.kind().word(),
                    link.name(),
                    link.dnsSuffix().toLowerCase(Locale.ROOT),
                    sorted(link.addresses()),
                    sorted(link.gateways()),
                    sorted(link.dnsServers()),
                    link.ssid().orElse("")));
        }
        links.sort(null);
        String canonical = String.join("\n", links) + "\n" + location.category().word() + "\n" + location.networkName();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new LocationFingerprint(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static <T extends Comparable<? super T>> String sorted(List<T> items) {
        return items.stream().sorted().map(Object::toString).reduce((a, b) -> a + "," + b).orElse("");
    }

    /** As a record compares, written out: compared at every round, and the generated form is slow before the JIT's second tier. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof LocationFingerprint f && java.util.Objects.equals(value, f.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
