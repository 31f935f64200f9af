package io.github.wuproxy.core.location;

/** An address assigned to an interface, with the prefix length of its subnet: {@code 10.20.30.40/16}. */
public record HostAddress(IpAddress address, int prefixLength) implements Comparable<HostAddress> {
    public HostAddress {
        new Cidr(address, prefixLength); // checks the prefix length
    }

    public static HostAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        IpAddress address = IpAddress.parse(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (slash < 0) {
            return new HostAddress(address, address.bytes().length * 8);
        }
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length after '/'");
        }
        return new HostAddress(address, Integer.parseInt(prefix));
    }

    @Override
    public int compareTo(HostAddress other) {
        int byAddress = address.compareTo(other.address);
        return byAddress != 0 ? byAddress : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
