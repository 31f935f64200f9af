package io.github.wuproxy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.UserProxyStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The user's own proxy in {@code status --json}: added fields, read back as written, absent from older agents. */
class StatusJsonUserProxyTest {
    private static AgentStatus status(UserProxyStatus user) {
        return new AgentStatus("home", Selection.Basis.RULE, "ssid Home", Optional.of(UpdateProxy.direct()), Optional.of(UpdateProxy.direct()),
                "Wi-Fi Home", false, Optional.empty(), Optional.empty(), List.of(), user, Optional.empty());
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        var held = UserProxySettings.fixed(UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example"));
        AgentStatus status = status(new UserProxyStatus(Optional.of(UserProxySettings.DIRECT), "profile home sets it", Optional.of(held)));
        var json = StatusJson.write(status);
        assertEquals("{\"wanted\":{\"autoDetect\":false,\"pacUrl\":null,\"manual\":null},\"held\":{\"autoDetect\":false,\"pacUrl\":null,"
                + "\"manual\":{\"mode\":\"fixed\",\"server\":\"proxy.corp.example:8080\",\"bypass\":\"<local>;*.corp.example\"}},"
                + "\"why\":\"profile home sets it\"}", json.get("userProxy").toString());
        assertEquals(status, StatusJson.read(Json.parse(json.toString())));
    }

    @Test
    void anOlderAgentsStatusSaysNothingOfTheUsersProxy() throws Exception {
        var json = StatusJson.write(status(UserProxyStatus.UNKNOWN));
        json.remove("userProxy");
        assertEquals(UserProxyStatus.UNKNOWN, StatusJson.read(json).userProxy());
    }

    @Test
    void theTextSaysWhatTheUsersProxyIsAndWhy() {
        String text = io.github.wuproxy.cli.StatusText.render(status(new UserProxyStatus(Optional.of(UserProxySettings.DIRECT), "profile home sets it",
                Optional.of(UserProxySettings.DIRECT))));
        assertTrue(text.contains("\nUser proxy: direct (profile home sets it)\n"), text);
        assertTrue(!io.github.wuproxy.cli.StatusText.render(status(UserProxyStatus.UNKNOWN)).contains("User proxy"));
    }

    @Test
    void theUsersOwnSetupScriptIsShownWithoutItsToken() throws Exception {
        var held = UserProxySettings.pac("http://wpad.corp.example/p.pac?token=s3cret");
        var status = status(new UserProxyStatus(Optional.empty(), "profile home keeps your own settings", Optional.of(held)));
        String json = StatusJson.write(status).toString();
        assertTrue(!json.contains("s3cret"), json);
        assertTrue(StatusJson.read(Json.parse(json)).userProxy().held().orElseThrow().pacUrl().orElseThrow().startsWith("http://wpad.corp.example/p.pac"));
    }
}
