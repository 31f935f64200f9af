package io.github.wuproxy.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.location.Cidr;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.LinkKind;
import io.github.wuproxy.core.location.NetworkCategory;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private final Situation office = new Situation(Fixtures.location("network/corp-dock-wired-edited.json"), UserProxySettings.DIRECT);
    private final Situation home = new Situation(Fixtures.location("network/home-wifi-edited.json"), UserProxySettings.DIRECT);
    private final Situation vpn = new Situation(Fixtures.location("network/corp-vpn-edited.json"), UserProxySettings.DIRECT);

    private static void holds(Condition c, Situation s, String why) {
        Verdict v = c.test(s);
        assertTrue(v.holds(), v.why());
        assertEquals(why, v.why());
        Reason reason = Reason.rule(v);
        assertEquals(why, ReasonTexts.render(reason, java.util.Locale.ENGLISH), "the tray's English is the log's");
        assertTrue(!reason.phrases().isEmpty() && !ReasonTexts.render(reason, java.util.Locale.JAPANESE).isEmpty());
    }

    private static void fails(Condition c, Situation s, String why) {
        Verdict v = c.test(s);
        assertFalse(v.holds(), v.why());
        assertEquals(why, v.why());
    }

    @Test
    void dnsSuffixMatchesTheSuffixAndDomainsBelowIt() {
        holds(new Condition.DnsSuffix(List.of("corp.example.com")), office, "dns-suffix corp.example.com on Ethernet");
        holds(new Condition.DnsSuffix(List.of("example.com")), office, "dns-suffix corp.example.com on Ethernet");
        holds(new Condition.DnsSuffix(List.of("*.example.com")), office, "dns-suffix corp.example.com on Ethernet");
        fails(new Condition.DnsSuffix(List.of("xample.com", "corp.example.net")), office,
                "no dns-suffix xample.com or corp.example.net");
    }

    @Test
    void anyValueOfAListSuffices() {
        holds(new Condition.DnsSuffix(List.of("corp.example.net", "corp.example.com")), vpn, "dns-suffix corp.example.com on Corp VPN");
    }

    @Test
    void addressConditionsLookAtTheRightField() {
        holds(new Condition.Subnet(List.of(Cidr.parse("10.20.0.0/16"))), office, "subnet 10.20.30.40 in 10.20.0.0/16 on Ethernet");
        holds(new Condition.DnsServer(List.of(Cidr.parse("10.20.0.54"))), office, "dns-server 10.20.0.54 on Ethernet");
        holds(new Condition.GatewayIs(List.of(Cidr.parse("10.20.0.1"))), office, "gateway 10.20.0.1 on Ethernet");
        fails(new Condition.GatewayIs(List.of(Cidr.parse("10.20.0.53"))), office, "no gateway 10.20.0.53/32");
        holds(new Condition.GatewayMac(List.of("00:11:22:33:44:55")), office, "gateway-mac 10.20.0.1 (00-11-22-33-44-55) on Ethernet");
        fails(new Condition.Subnet(List.of(Cidr.parse("192.168.0.0/16"))), office, "no subnet 192.168.0.0/16");
    }

    @Test
    void ssidKindCategoryAndNameUseWhatWindowsReports() {
        holds(new Condition.Ssid(List.of("fritz*")), home, "ssid Fritz Home on Wi-Fi");
        fails(new Condition.Ssid(List.of("*")), office, "no ssid *");
        holds(new Condition.InterfaceKind(List.of(LinkKind.VPN)), vpn, "interface-kind vpn (Corp VPN)");
        fails(new Condition.InterfaceKind(List.of(LinkKind.CELLULAR)), home, "no interface is cellular");
        holds(new Condition.Category(List.of(NetworkCategory.DOMAIN_AUTHENTICATED)), office,
                "network-category domain-authenticated (corp.example.com)");
        fails(new Condition.Category(List.of(NetworkCategory.DOMAIN_AUTHENTICATED)), home,
                "network-category is private (Fritz Home), not domain-authenticated");
        holds(new Condition.NetworkName(List.of("Fritz Home")), home, "network-name Fritz Home");
    }

    @Test
    void userProxyLooksAtTheUsersOwnSettings() {
        var withPac = new Situation(home.location(), UserProxySettings.pac("http://wpad.example/wpad.dat"));
        holds(new Condition.UserProxy(List.of(UserProxySettings.Mode.DIRECT)), home, "the user's own proxy is direct");
        fails(new Condition.UserProxy(List.of(UserProxySettings.Mode.DIRECT)), withPac, "the user's own proxy is pac, not direct");
        var withManual = new Situation(home.location(), UserProxySettings.fixed(UpdateProxy.fixed("p.example:1", "")));
        holds(new Condition.UserProxy(List.of(UserProxySettings.Mode.FIXED, UserProxySettings.Mode.PAC)), withManual,
                "the user's own proxy is fixed");
    }

    @Test
    void probeConditionsReadWhatTheProbesFound() {
        var resolves = new Condition.Resolves(List.of(new Condition.Resolution("Proxy.Corp.Example.com", List.of(Cidr.parse("10.0.0.0/8")))));
        holds(resolves, office, "proxy.corp.example.com resolves to 10.20.0.8 (in 10.0.0.0/8)");
        fails(resolves, home, "proxy.corp.example.com did not resolve (no answer, or the probe timed out)");
        var outside = new Condition.Resolves(List.of(new Condition.Resolution("proxy.corp.example.com", List.of(Cidr.parse("172.16.0.0/12")))));
        fails(outside, office, "proxy.corp.example.com resolves to [10.20.0.8], outside [172.16.0.0/12]");

        var reverse = new Condition.ReverseDns(List.of(new Condition.ReverseLookup(IpAddress.parse("10.20.0.9"), "dc*.corp.example.com")));
        holds(reverse, office, "reverse-dns 10.20.0.9 is dc1.corp.example.com");
        fails(reverse, home, "reverse-dns of 10.20.0.9 gave no name (or the probe timed out)");

        var reachable = new Condition.Reachable(List.of("PROXY.corp.example.com:8080"));
        holds(reachable, office, "proxy.corp.example.com:8080 is reachable");
        fails(reachable, home, "proxy.corp.example.com:8080 not reachable (refused, or the probe timed out)");

        String sha = "5F:1E:0C:3B:9A:4D:2E:7F:80:91:A2:B3:C4:D5:E6:F7:08:19:2A:3B:4C:5D:6E:7F:80:91:A2:B3:C4:D5:E6:F7";
        var beacon = new Condition.HttpsBeacon(List.of(new Condition.Beacon("https://nls.corp.example.com/", sha)));
        holds(beacon, office, "https-beacon https://nls.corp.example.com/ presents the expected certificate");
        var wrongCert = new Condition.HttpsBeacon(List.of(new Condition.Beacon("https://nls.corp.example.com/", "00".repeat(32))));
        fails(wrongCert, office, "https-beacon https://nls.corp.example.com/ presents another certificate");
    }

    @Test
    void notNegatesTheConjunctionOfItsConditions() {
        var notCellular = new Condition.Not(List.of(new Condition.InterfaceKind(List.of(LinkKind.CELLULAR))));
        holds(notCellular, home, "not: no interface is cellular");
        var notWifi = new Condition.Not(List.of(new Condition.InterfaceKind(List.of(LinkKind.WIFI))));
        fails(notWifi, home, "not (interface-kind wifi (Wi-Fi)) fails");
    }

    @Test
    void aRuleNeedsAllItsConditionsAndExplainsThemAll() {
        var rule = new MatchRule(List.of(
                new Condition.InterfaceKind(List.of(LinkKind.VPN)),
                new Condition.DnsSuffix(List.of("corp.example.com"))), SourcePosition.UNKNOWN);
        Verdict both = rule.test(vpn);
        assertEquals("interface-kind vpn (Corp VPN) and dns-suffix corp.example.com on Corp VPN", both.why());
        assertTrue(both.holds());
        assertEquals(List.of("as-is", "on-link"),
                both.phrases().stream().map(Verdict.Phrase::key).toList(), "one phrase per condition, in order");
        assertEquals("interface-kind vpn (Corp VPN)、Corp VPN で dns-suffix corp.example.com", ReasonTexts.render(Reason.rule(both), java.util.Locale.JAPANESE));
        assertEquals(new Verdict(false, "no interface is vpn", List.of()), rule.test(office));
    }
}
