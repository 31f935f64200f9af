package io.github.wuproxy.portable;

import io.github.wuproxy.core.location.Gateway;
import io.github.wuproxy.core.location.HostAddress;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.LocationFingerprint;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.location.ProbeResults;
import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.port.SourceException;
import java.io.IOException;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The location on any OS from {@code java.net.NetworkInterface}; on Linux also gateways
 * ({@code /proc/net/route}, {@code ipv6_route}), their MACs ({@code /proc/net/arp}) and DNS
 * ({@code /etc/resolv.conf}). Changes are found by comparing fingerprints every poll interval.
 */
public final class PortableNetworkLocationSource implements NetworkLocationSource {
    private static final Logger log = LoggerFactory.getLogger(PortableNetworkLocationSource.class);
    private final Path root;
    private final Duration pollInterval;
    private ScheduledExecutorService poller;

    /** {@code root} is "/" on a real machine; tests point it at a folder of fixtures. */
    public PortableNetworkLocationSource(Path root, Duration pollInterval) {
        this.root = root;
        this.pollInterval = pollInterval;
    }

    @Override
    public NetworkLocation current(ProbeRequest probes) throws SourceException {
        List<NetworkInterface> interfaces;
        try {
            interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (SocketException e) {
            throw new SourceException("could not list the network interfaces: " + e.getMessage(), e);
        }
        List<NetworkLink> links = new ArrayList<>();
        for (NetworkInterface nic : interfaces) {
            try {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                List<HostAddress> addresses = new ArrayList<>();
                for (InterfaceAddress a : nic.getInterfaceAddresses()) {
                    IpAddress ip = new IpAddress(a.getAddress().getAddress());
                    addresses.add(new HostAddress(ip, Math.max(0, a.getNetworkPrefixLength())));
                }
                if (addresses.isEmpty()) {
                    continue;
                }
                links.add(new LinkFacts(nic.getName(), kind(nic.getName(), nic.isPointToPoint()), addresses).link(this));
            } catch (SocketException e) {
                log.debug("skipping interface {}: {}", nic.getName(), e.getMessage());
            }
        }
        return new NetworkLocation(links.isEmpty() ? "offline" : "", links, NetworkCategory.UNKNOWN, "", ProbeResults.NONE);
    }

    /** What java.net tells of one interface, completed from the /proc and /etc files. */
    record LinkFacts(String name, LinkKind kind, List<HostAddress> addresses) {
        NetworkLink link(PortableNetworkLocationSource source) {
            LinuxNetFiles.Resolver resolver = LinuxNetFiles.resolvConf(source.read("etc/resolv.conf"));
            Map<IpAddress, String> macs = LinuxNetFiles.arp(source.read("proc/net/arp"));
            List<Gateway> gateways = new ArrayList<>();
            List<IpAddress> ips = new ArrayList<>(LinuxNetFiles.ipv4Gateways(source.read("proc/net/route")).getOrDefault(name, List.of()));
            ips.addAll(LinuxNetFiles.ipv6Gateways(source.read("proc/net/ipv6_route")).getOrDefault(name, List.of()));
            ips.forEach(ip -> gateways.add(new Gateway(ip, Optional.ofNullable(macs.get(ip)))));
            return new NetworkLink(name, kind, resolver.searchDomain().orElse(""), addresses, gateways, resolver.nameservers(), Optional.empty());
        }
    }

    /** Kind from Linux interface naming (wl*: Wi-Fi, ww*: WWAN, tun/tap/wg/ppp: VPN). */
    static LinkKind kind(String name, boolean pointToPoint) {
        if (name.startsWith("wl")) {
            return LinkKind.WIFI;
        }
        if (name.startsWith("ww")) {
            return LinkKind.CELLULAR;
        }
        if (name.startsWith("tun") || name.startsWith("tap") || name.startsWith("wg") || name.startsWith("ppp") || pointToPoint) {
            return LinkKind.VPN;
        }
        if (name.startsWith("en") || name.startsWith("eth")) {
            return LinkKind.ETHERNET;
        }
        return LinkKind.OTHER;
    }

    private String read(String relative) {
        Path file = root.resolve(relative);
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public synchronized void start(Runnable onChange) {
        stop();
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wuproxy-network-poll");
            thread.setDaemon(true);
            return thread;
        });
        var last = new LocationFingerprint[1];
        poller.scheduleWithFixedDelay(() -> {
            try {
                LocationFingerprint now = current(ProbeRequest.NONE).fingerprint();
                if (last[0] != null && !now.equals(last[0])) {
                    onChange.run();
                }
                last[0] = now;
            } catch (SourceException | RuntimeException e) {
                log.warn("network poll failed: {}", e.getMessage());
            }
        }, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
