package io.github.wuproxy.probe;

import io.github.wuproxy.core.location.IpAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Name lookups for probes; the system resolver by default, a test's own in tests. */
public interface NameResolver {
    List<IpAddress> resolve(String host) throws IOException;

    /** The PTR name of an address, or empty when there is none. */
    Optional<String> reverse(IpAddress address) throws IOException;

    /** The operating system's resolver, as Windows Update itself would see names. */
    static NameResolver system() {
        return new NameResolver() {
            @Override
            public List<IpAddress> resolve(String host) throws IOException {
                List<IpAddress> addresses = new ArrayList<>();
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    addresses.add(new IpAddress(address.getAddress()));
                }
                return addresses;
            }

            @Override
            public Optional<String> reverse(IpAddress address) throws IOException {
                InetAddress inet = InetAddress.getByAddress(address.bytes());
                String name = inet.getCanonicalHostName();
                // The JDK answers with the literal itself when there is no PTR record.
                return name.equals(inet.getHostAddress()) ? Optional.empty() : Optional.of(name.toLowerCase(java.util.Locale.ROOT));
            }
        };
    }
}
