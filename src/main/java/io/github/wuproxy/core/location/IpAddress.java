package io.github.wuproxy.core.location;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address parsed from a literal; never looks a name up.
 *
 * @param bytes 4 or 16 bytes, network order
 */
public record IpAddress(byte[] bytes) implements Comparable<IpAddress> {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public IpAddress {
        if (bytes == null || (bytes.length != 4 && bytes.length != 16)) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes");
        }
        bytes = bytes.clone();
    }

    /** Parses {@code 10.1.2.3} or {@code fe80::1}; a zone ({@code %eth0}) is dropped. */
    public static IpAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected an IP address, found nothing");
        }
        String literal = text.strip();
        int zone = literal.indexOf('%');
        if (zone > 0 && literal.contains(":")) {
            literal = literal.substring(0, zone);
        }
        if (IPV4.matcher(literal).matches()) {
            return fromInet(literal);
        }
        // A string with ':' is only ever parsed as an IPv6 literal by InetAddress: no DNS lookup.
        if (literal.contains(":") && IPV6_CHARS.matcher(literal).matches()) {
            return fromInet(literal);
        }
        throw new IllegalArgumentException("\"" + text + "\" is not an IP address (like 10.20.0.1 or fe80::1)");
    }

    public static boolean isLiteral(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IpAddress fromInet(String literal) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            byte[] raw = address.getAddress();
            if (address instanceof Inet6Address && isV4Mapped(raw)) {
                return new IpAddress(Arrays.copyOfRange(raw, 12, 16));
            }
            return new IpAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + literal + "\" is not an IP address (like 10.20.0.1 or fe80::1)");
        }
    }

    private static boolean isV4Mapped(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    public boolean isV4() {
        return bytes.length == 4;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(IpAddress other) {
        if (bytes.length != other.bytes.length) {
            return Integer.compare(bytes.length, other.bytes.length);
        }
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run compressed). */
    @Override
    public String toString() {
        if (isV4()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
