package io.github.wuproxy.core.location;

/**
 * An address block such as {@code 10.20.0.0/16}; a plain address is a block of one.
 *
 * @param network the first address (host bits cleared)
 * @param prefixLength bits that are fixed
 */
public record Cidr(IpAddress network, int prefixLength) {
    public Cidr {
        int bits = network.bytes().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException(
                    "prefix length /" + prefixLength + " is out of range for " + network + " (0 to " + bits + ")");
        }
        network = new IpAddress(masked(network.bytes(), prefixLength));
    }

    /** Parses {@code 10.0.0.0/8}, {@code fd00::/8} or a single address. */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected an address block like 10.0.0.0/8, found nothing");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            IpAddress single = IpAddress.parse(trimmed);
            return new Cidr(single, single.bytes().length * 8);
        }
        IpAddress address = IpAddress.parse(trimmed.substring(0, slash));
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" has no valid prefix length after '/' (like 10.0.0.0/8)");
        }
        return new Cidr(address, Integer.parseInt(prefix));
    }

    public boolean contains(IpAddress address) {
        byte[] mine = network.bytes();
        byte[] theirs = address.bytes();
        if (mine.length != theirs.length) {
            return false;
        }
        return java.util.Arrays.equals(mine, masked(theirs, prefixLength));
    }

    private static byte[] masked(byte[] raw, int prefixLength) {
        byte[] result = raw.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            result[i] &= (byte) (0xff << (8 - keep));
        }
        return result;
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
