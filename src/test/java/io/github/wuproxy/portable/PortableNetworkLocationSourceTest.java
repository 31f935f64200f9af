package io.github.wuproxy.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class PortableNetworkLocationSourceTest {
    private static String fixture(String file) {
        return Fixtures.text("linux/debian12-eth0/" + file);
    }

    @Test
    void readsDefaultGatewaysFromTheRouteTables() {
        assertEquals(Map.of("eth0", List.of(IpAddress.parse("192.0.2.1"))), LinuxNetFiles.ipv4Gateways(fixture("proc/net/route")));
        assertEquals(Map.of("eth0", List.of(IpAddress.parse("fd00::1"))), LinuxNetFiles.ipv6Gateways(fixture("proc/net/ipv6_route")));
    }

    @Test
    void readsNeighbourMacsAndTheResolver() {
        assertEquals(Map.of(IpAddress.parse("192.0.2.1"), "02-fc-00-00-00-05"), LinuxNetFiles.arp(fixture("proc/net/arp")));
        var resolver = LinuxNetFiles.resolvConf(fixture("etc/resolv.conf"));
        assertEquals(List.of(IpAddress.parse("10.255.255.53"), IpAddress.parse("fd00::53")), resolver.nameservers());
        assertEquals(Optional.of("corp.example.com"), resolver.searchDomain());
    }

    @Test
    void ignoresWhatIsNotARouteOrAnEntry() {
        assertEquals(Map.of(), LinuxNetFiles.ipv4Gateways("Iface\tDestination\ngarbage\neth0 00000000 zz 0003 0 0 0 00000000\n"));
        assertEquals(Map.of(), LinuxNetFiles.arp("IP address HW type Flags HW address Mask Device\n10.0.0.9 0x1 0x0 00:00:00:00:00:00 * eth0\n"));
        assertEquals(List.of(), LinuxNetFiles.resolvConf("# nameserver 1.1.1.1\nnameserver not-an-ip\n").nameservers());
    }

    @Test
    void namesKindsTheLinuxWay() {
        assertEquals(LinkKind.WIFI, PortableNetworkLocationSource.kind("wlp2s0", false));
        assertEquals(LinkKind.VPN, PortableNetworkLocationSource.kind("wg0", false));
        assertEquals(LinkKind.VPN, PortableNetworkLocationSource.kind("x", true));
        assertEquals(LinkKind.CELLULAR, PortableNetworkLocationSource.kind("wwan0", false));
        assertEquals(LinkKind.ETHERNET, PortableNetworkLocationSource.kind("enp0s31f6", false));
        assertEquals(LinkKind.OTHER, PortableNetworkLocationSource.kind("docker0", false));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsThisMachinesRealNetworkWithItsDefaultGateways() throws Exception {
        NetworkLocation here = new PortableNetworkLocationSource(Path.of("/"), Duration.ofSeconds(2)).current(ProbeRequest.NONE);
        Map<String, List<IpAddress>> gateways = LinuxNetFiles.ipv4Gateways(Files.readString(Path.of("/proc/net/route")));
        for (NetworkLink link : here.links()) {
            assertTrue(!link.addresses().isEmpty(), link.toString());
            List<IpAddress> expected = gateways.getOrDefault(link.name(), List.of());
            assertTrue(link.gateways().stream().map(g -> g.ip()).toList().containsAll(expected), link + " misses " + expected);
        }
        assertEquals(here.fingerprint(), new PortableNetworkLocationSource(Path.of("/"), Duration.ofSeconds(2))
                .current(ProbeRequest.NONE).fingerprint(), "nothing changed, so neither did the fingerprint");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void noticesAChangedResolvConfWithinItsCheckPeriod(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("proc/net"));
        Files.writeString(root.resolve("etc/resolv.conf"), "nameserver 10.255.255.53\n");
        var source = new PortableNetworkLocationSource(root, Duration.ofMillis(50));
        org.junit.jupiter.api.Assumptions.assumeFalse(source.current(ProbeRequest.NONE).isOffline(),
                "this machine has no network interface up besides loopback");
        var changed = new java.util.concurrent.CountDownLatch(1);
        source.start(changed::countDown);
        try {
            // Give the first poll a baseline, then change the resolver as DHCP on a new network would.
            assertTrue(!changed.await(300, java.util.concurrent.TimeUnit.MILLISECONDS), "nothing changed yet");
            Files.writeString(root.resolve("etc/resolv.conf"), "nameserver 10.20.0.53\nsearch corp.example.com\n");
            assertTrue(changed.await(5, java.util.concurrent.TimeUnit.SECONDS), "the change was signalled");
        } finally {
            source.stop();
        }
    }

    @Test
    void aRecordingReadsBackAsTheSameLocation() throws Exception {
        NetworkLocation here = new PortableNetworkLocationSource(Path.of("/"), Duration.ofSeconds(2)).current(ProbeRequest.NONE);
        var json = io.github.wuproxy.json.LocationJson.write(here).toString();
        var timeline = io.github.wuproxy.sim.Timeline.parse("recorded", "{\"t\":0,\"network\":" + json + "}\n");
        assertEquals(here, ((io.github.wuproxy.sim.TimelineEvent.Network) timeline.get(0)).location());
        NetworkLocation office = Fixtures.location("network/corp-dock-wired-edited.json");
        assertEquals(office, io.github.wuproxy.json.LocationJson.read(
                io.github.wuproxy.json.Json.parse(io.github.wuproxy.json.LocationJson.write(office).toString())));
    }
}
