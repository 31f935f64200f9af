package io.github.wuproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wuproxy.core.profile.ProfileProblem;
import io.github.wuproxy.port.ProfileException;
import io.github.wuproxy.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoconProfileCatalogTest {
    private static List<String> problemsIn(Path folder, String fallback) {
        var e = assertThrows(ProfileException.class, () -> HoconProfileCatalog.of(folder, fallback).load());
        return e.problems().stream().map(p -> relative(folder, p)).toList();
    }

    private static String relative(Path folder, ProfileProblem p) {
        return p.toString().replace(folder.toString() + "/", "").replace(folder.toString() + "\\", "");
    }

    @Test
    void aPasswordInAProfileIsNeverRepeated(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a.conf"), "name = a\nproxy = \"alice:s3cret pw@proxy.example:8080\"\n");
        Files.writeString(folder.resolve("b.conf"), "name = b\nproxy { source = fixed, server = \"alice:s3cret;pw@proxy.example:8080\" }\n");
        Files.writeString(folder.resolve("c.conf"), "name = c\nproxy = direct\n");
        assertEquals(List.of(
                "a.conf:2: unknown proxy source: a proxy with credentials (a user:password@ part)? write proxy { source = fixed, server = \"host:port\" } without them",
                "b.conf:2: `proxy.server`: the proxy server carries credentials (a user:password@ part); WinHTTP takes none in the proxy string, so remove it"),
                problemsIn(folder, "c"));
    }

    @Test
    void reportsEveryProblemOfEveryFileWithFileAndLine() {
        Path broken = Fixtures.resourceFolder("profiles/broken");
        assertEquals(List.of(
                "bad-bypass.conf:1: `proxy.bypass`: bypass entry \"<intranet>\" is not known; the only macros are <local> (names without a dot) and <-loopback>",
                "bad-bypass.conf:2: unknown key `tp` in `resolves`; did you mean `to`?",
                "bad-bypass.conf:2: `resolves`: resolves: `to` needs at least one address block for proxy.corp.example",
                "bad-cidr.conf:3: `subnet`: prefix length /33 is out of range for 10.0.0.0 (0 to 32)",
                "bad-port.conf:4: `proxy.server`: proxy entry \"proxy.corp.example:80a\": the port must be a number from 1 to 65535, found \"80a\"",
                "bad-source.conf:1: unknown proxy source \"folow-user\"; did you mean `follow-user`?",
                "bad-verify.conf:2: `verify`: unknown verify mode \"always\"; use off, warn or required",
                "bad-verify.conf:3: `fallback`: proxy entry \"proxy2.corp.example:80a\": the port must be a number from 1 to 65535, found \"80a\"",
                "empty-when.conf:2: `when = []` can never match; remove `when` to make a profile chosen only by hand or as fallback",
                "fallback-without-verify.conf:2: `fallback` is tried only when a proxy fails verification; add verify = required, or remove it",
                "includes.conf:2: `include` is not supported here; put everything in this one file",
                "misspelt-keys.conf:1: unknown key `prority`; did you mean `priority`?",
                "misspelt-keys.conf:4: unknown condition `dns-sufix`; did you mean `dns-suffix`?",
                "never-matches.conf:3: this `when` block can never match: it asks for `network-category = [private]` and excludes the same with `not`",
                "syntax-error.conf:2: the file is not valid HOCON: Expecting close brace } or a comma, got ':' (values with ':' or other special characters need \"double quotes\")",
                "wrong-types.conf:1: `priority` must be a whole number (higher wins), found \"high\"",
                "wrong-types.conf:2: `bits` must be true or false, found \"maybe\"",
                "wrong-types.conf:3: `proxy.url` is missing; a pac source needs the script's URL",
                "wrong-types.conf:4: each entry of `when` must be a block of conditions in { }, like { dns-suffix = corp.example.com }, found a string"),
                problemsIn(broken, "bad-port"));
    }

    @Test
    void refusesTwoProfilesWithOneName() {
        assertEquals(List.of("b.conf:1: the name same is taken already by a.conf; profile names must be unique"),
                problemsIn(Fixtures.resourceFolder("profiles/duplicate"), "same"));
    }

    @Test
    void saysWhenTheFallbackDoesNotExist(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("home.conf"), "proxy = direct\nwhen = { ssid = Home }\n");
        assertEquals(List.of(folder + ": the fallback profile `mobile` (fallback-profile in agent.conf) does not exist; profiles are home"),
                assertThrows(ProfileException.class, () -> HoconProfileCatalog.of(folder, "mobile").load())
                        .problems().stream().map(Object::toString).toList());
    }

    @Test
    void aWhenBlockMayCarryItsOwnPriorityAndNothingElseButConditions(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("home.conf"), "proxy = direct\npriority = 10\nwhen = [ { ssid = Home }, { ssid = \"Kept\", priority = 101 } ]\n");
        var home = HoconProfileCatalog.of(folder, "home").load().find("home").orElseThrow();
        assertEquals(java.util.OptionalInt.empty(), home.when().get(0).priority());
        assertEquals(101, home.when().get(1).priorityIn(home));
        assertEquals(10, home.when().get(0).priorityIn(home));
        Files.writeString(folder.resolve("home.conf"), "proxy = direct\nwhen = [ { priority = 101 }, { ssid = x, priority = high } ]\n");
        assertEquals(List.of("home.conf:2: a `when` block with only a priority would match every network; add a condition",
                "home.conf:2: `priority` in a `when` block must be a whole number (higher wins), found \"high\""), problemsIn(folder, "home"));
    }

    @Test
    void readsEveryProxySourceAndConditionKind(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("all.conf"), """
                name = all-kinds
                kind = corporate
                priority = 7
                bits = false
                proxy { source = fixed, server = "http=p1.example:80;https=p2.example:443", bypass = "<local>;*.corp.example" }
                when = [
                  { dns-suffix = corp.example.com, dns-server = "10.20.0.0/16", gateway = 10.20.0.1, gateway-mac = "00:11:22:33:44:55" }
                  { subnet = [10.0.0.0/8, "fd00::/8"], ssid = "Corp*", interface-kind = [ethernet, wifi], network-category = private }
                  { network-name = "corp.example.com", user-proxy = [fixed, pac], reachable = "proxy.corp.example.com:8080" }
                  { resolves { host = proxy.corp.example.com, to = [10.0.0.0/8] }, reverse-dns { address = 10.20.0.9, name = "dc*.corp.example.com" } }
                  { https-beacon { url = "https://nls.corp.example.com/", sha256 = "%s" }, not { interface-kind = cellular } }
                ]
                """.formatted("ab".repeat(32)));
        Files.writeString(folder.resolve("pac.conf"), "proxy { source = pac, url = \"http://wpad.corp.example/wpad.dat\" }\n");
        Files.writeString(folder.resolve("wpad.conf"), "proxy = auto-detect\n");
        var set = HoconProfileCatalog.of(folder, "wpad").load();
        var all = set.find("all-kinds").orElseThrow();
        assertEquals(5, all.when().size());
        assertEquals(List.of(4, 4, 3, 2, 2), all.when().stream().map(r -> r.conditions().size()).toList());
        assertEquals(7, all.priority());
        assertEquals(false, all.bits());
        assertEquals("fixed", all.source().word());
        assertEquals("pac", set.find("pac").orElseThrow().source().word());
        assertEquals("auto-detect", set.fallback().source().word());
        assertEquals(folder.resolve("all.conf") + ":1", all.position().toString());
        assertEquals(8, all.when().get(1).position().line());
    }

    @Test
    void aLaterFolderReplacesAProfileOfTheSameName(@TempDir Path folder) throws Exception {
        Path machine = Files.createDirectory(folder.resolve("machine"));
        Files.writeString(machine.resolve("corporate.conf"), "kind = corporate\nproxy { source = fixed, server = \"proxy.corp.example:8080\" }\n");
        var set = new HoconProfileCatalog(List.of(Fixtures.shippedProfilesFolder(), machine), "mobile").load();
        assertEquals("fixed", set.find("corporate").orElseThrow().source().word());
        assertEquals(3, set.all().size());
    }
}
