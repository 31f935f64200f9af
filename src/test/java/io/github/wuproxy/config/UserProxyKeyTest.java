package io.github.wuproxy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wuproxy.core.profile.UserProxyChoice;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.ProfileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile key {@code user-proxy}: every form it takes, and every mistake with file and line. */
class UserProxyKeyTest {
    @TempDir
    Path folder;

    private UserProxyChoice read(String userProxyLines) throws Exception {
        Files.writeString(folder.resolve("home.conf"), "proxy = direct\nwhen = { ssid = Home }\n" + userProxyLines);
        return HoconProfileCatalog.of(folder, "home").load().find("home").orElseThrow().userProxy();
    }

    private List<String> problems(String text) throws Exception {
        Files.writeString(folder.resolve("home.conf"), text);
        var e = assertThrows(ProfileException.class, () -> HoconProfileCatalog.of(folder, "home").load());
        return e.problems().stream().map(p -> p.toString().replace(folder + "/", "")).toList();
    }

    @Test
    void isKeptWhenNotSaid() throws Exception {
        assertEquals(UserProxyChoice.KEEP, read(""));
        assertEquals(UserProxyChoice.KEEP, read("user-proxy = keep\n"));
    }

    @Test
    void readsEveryForm() throws Exception {
        assertEquals(UserProxyChoice.SAME, read("user-proxy = same\n"));
        assertEquals(new UserProxyChoice.Exactly(UserProxySettings.DIRECT), read("user-proxy = direct\n"));
        assertEquals(new UserProxyChoice.Exactly(UserProxySettings.autoDetected()), read("user-proxy { source = auto-detect }\n"));
        assertEquals(new UserProxyChoice.Exactly(UserProxySettings.fixed(UpdateProxy.fixed("proxy.home.example:3128", "<local>;*.home.example"))),
                read("user-proxy {\n  source = fixed\n  server = \"proxy.home.example:3128\"\n  bypass = \"<local>;*.home.example\"\n}\n"));
        assertEquals(new UserProxyChoice.Exactly(UserProxySettings.pac("http://wpad.home.example/proxy.pac")),
                read("user-proxy { source = pac, url = \"http://wpad.home.example/proxy.pac\" }\n"));
    }

    @Test
    void refusesFollowingTheUserWhileSettingTheUsersProxyAtItsLine() throws Exception {
        assertEquals(List.of("home.conf:3: `user-proxy = direct` contradicts `proxy = follow-user`: Windows Update would copy the "
                        + "user's proxy while wuproxy sets it, chasing itself; remove `user-proxy` (keep) or give `proxy` a source of its own"),
                problems("proxy = follow-user\nwhen = { ssid = Home }\nuser-proxy = direct\n"));
        assertEquals(List.of("home.conf:2: `user-proxy = same` contradicts `proxy = follow-user`: Windows Update would copy the "
                        + "user's proxy while wuproxy sets it, chasing itself; remove `user-proxy` (keep) or give `proxy` a source of its own"),
                problems("proxy = follow-user\nuser-proxy = same\n"));
    }

    @Test
    void namesEveryMistakeWithFileAndLine() throws Exception {
        assertEquals(List.of("home.conf:2: unknown user-proxy value \"sam\"; did you mean `same`?"),
                problems("proxy = direct\nuser-proxy = sam\n"));
        assertEquals(List.of("home.conf:2: `user-proxy = fixed` needs more: write user-proxy { source = fixed, server = \"host:port\", bypass = \"<local>\" }"),
                problems("proxy = direct\nuser-proxy = fixed\n"));
        assertEquals(List.of("home.conf:2: `user-proxy.server`: proxy entry \"proxy.home.example:80a\": the port must be a number from 1 to 65535, found \"80a\""),
                problems("proxy = direct\nuser-proxy { source = fixed, server = \"proxy.home.example:80a\" }\n"));
        assertEquals(List.of("home.conf:3: unknown key `user-proxy.sever`; did you mean `server`?",
                        "home.conf:2: `user-proxy.server` is missing; a fixed source needs host:port, like \"proxy.corp.example:8080\""),
                problems("proxy = direct\nuser-proxy {\n source = fixed, sever = \"p.example:80\" }\n"));
        assertEquals(List.of("home.conf:2: `user-proxy.url`: PAC URL \"ftp://x.example/p.pac\" must start with http://, https:// or file://"),
                problems("proxy = direct\nuser-proxy { source = pac, url = \"ftp://x.example/p.pac\" }\n"));
        assertEquals(List.of("home.conf:2: `user-proxy` cannot follow the user: it is the user's proxy; use keep to leave it as it is"),
                problems("proxy = direct\nuser-proxy { source = follow-user }\n"));
        assertEquals(List.of("home.conf:2: `user-proxy` is keep, same, direct, auto-detect, or a block like user-proxy { source = fixed, "
                        + "server = \"proxy.corp.example:8080\", bypass = \"<local>\" } or { source = pac, url = \"http://...\" }"),
                problems("proxy = direct\nuser-proxy = [ direct ]\n"));
    }

    @Test
    void hostileTextIsNamedNotObeyed() throws Exception {
        List<String> found = problems("proxy = direct\nuser-proxy { source = fixed, server = \"evil\\nhost:80\" }\n");
        assertEquals(1, found.size());
        assertEquals(true, found.get(0).startsWith("home.conf:2: `user-proxy.server`"), found.get(0));
    }
}
