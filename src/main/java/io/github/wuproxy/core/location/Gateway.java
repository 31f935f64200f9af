package io.github.wuproxy.core.location;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A default gateway of an interface and, where known, its hardware (MAC) address. */
public record Gateway(IpAddress ip, Optional<String> mac) implements Comparable<Gateway> {
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(-[0-9a-f]{2}){5}");

    public Gateway {
        mac = mac.map(Gateway::normaliseMac);
    }

    public static Gateway of(String ip, String mac) {
        return new Gateway(IpAddress.parse(ip), Optional.ofNullable(mac));
    }

    /** {@code 00:11:22:AA:bb:cc} or {@code 00-11-22-aa-bb-cc} to {@code 00-11-22-aa-bb-cc}. */
    public static String normaliseMac(String text) {
        String candidate = text.strip().toLowerCase(Locale.ROOT).replace(':', '-');
        if (!MAC.matcher(candidate).matches()) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is not a MAC address (like 00-11-22-33-44-55 or 00:11:22:33:44:55)");
        }
        return candidate;
    }

    @Override
    public int compareTo(Gateway other) {
        int byIp = ip.compareTo(other.ip);
        return byIp != 0 ? byIp : mac.orElse("").compareTo(other.mac.orElse(""));
    }

    @Override
    public String toString() {
        return mac.map(m -> ip + " (" + m + ")").orElse(ip.toString());
    }
}
