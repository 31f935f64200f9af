package io.github.wuproxy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.profile.Reason;
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
        AgentStatus status = status(new UserProxyStatus(Optional.of(UserProxySettings.DIRECT), Reason.of(Reason.Kind.USER_SETS, "home"), Optional.of(held)));
        var json = StatusJson.write(status);
        assertEquals("{\"wanted\":{\"autoDetect\":false,\"pacUrl\":null,\"manual\":null},\"held\":{\"autoDetect\":false,\"pacUrl\":null,"
                + "\"manual\":{\"mode\":\"fixed\",\"server\":\"proxy.corp.example:8080\",\"bypass\":\"<local>;*.corp.example\"}},"
                + "\"why\":\"profile home sets it\",\"reason\":{\"kind\":\"user_sets\",\"values\":[\"home\"]}}", json.get("userProxy").toString());
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

    @Test
    void theReasonCrossesTheChannelBesideItsEnglish() throws Exception {
        AgentStatus status = new AgentStatus("home", Selection.Basis.FALLBACK, "no profile matches this network (offline), so the fallback applies",
                Optional.empty(), Optional.empty(), "offline", false, Optional.empty(), Optional.empty(), List.of(),
                new UserProxyStatus(Optional.empty(), Reason.of(Reason.Kind.USER_KEEPS, "h\"o\nme"), Optional.empty()), Optional.empty(),
                Reason.of(Reason.Kind.FALLBACK_OFFLINE));
        var json = StatusJson.write(status);
        assertEquals("{\"kind\":\"fallback_offline\",\"values\":[]}", json.get("reason").toString());
        AgentStatus read = StatusJson.read(Json.parse(json.toString()));
        assertEquals(status, read);
        assertEquals(Reason.of(Reason.Kind.USER_KEEPS, "h\"o\nme"), read.userProxy().reason());
    }

    @Test
    void anOlderAgentsOrAnUnknownReasonIsItsEnglish() throws Exception {
        var json = StatusJson.write(status(new UserProxyStatus(Optional.empty(), Reason.of(Reason.Kind.USER_KEEPS, "home"), Optional.empty())));
        json.remove("reason");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("userProxy").get("reason")).put("kind", "from_a_newer_agent");
        AgentStatus read = StatusJson.read(json);
        assertEquals(Reason.text("ssid Home"), read.reason());
        assertEquals(Reason.text("profile home keeps your own settings"), read.userProxy().reason());
    }

    @Test
    void aReasonWhoseValuesAreNotTextIsRefused() {
        var json = StatusJson.write(status(UserProxyStatus.UNKNOWN));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("reason")).putArray("values").addObject();
        JsonFormatException e = org.junit.jupiter.api.Assertions.assertThrows(JsonFormatException.class, () -> StatusJson.read(json));
        assertEquals("`status.reason.values` must hold text, got object", e.getMessage());
    }
}
