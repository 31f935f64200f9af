package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.profile.ProfileKind;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.AgentView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent's answer to {@code status} and {@code subscribe}, and every pushed change:
 * {@code {"ok":true,"status":{...},"profiles":[{"name":..,"kind":..}],"rights":{"choose":..,"admin":..}}}.
 */
public final class ViewJson {
    private ViewJson() {}

    public static ObjectNode write(AgentView view) {
        ObjectNode node = Json.object().put("ok", true);
        node.set("status", view.status().map(StatusJson::write).orElse(null));
        var list = node.putArray("profiles");
        for (AgentView.Offer offer : view.profiles()) {
            ObjectNode o = list.addObject().put("name", offer.name()).put("kind", offer.kind().word());
            offer.refused().ifPresent(why -> o.put("refused", why));
        }
        ObjectNode rights = node.putObject("rights").put("choose", view.rights().choose()).put("admin", view.rights().admin());
        view.rights().managed().ifPresent(why -> rights.put("managed", why));
        return node;
    }

    public static AgentView read(JsonNode node) throws JsonFormatException {
        Json.object(node, "answer");
        JsonNode status = node.path("status");
        Optional<AgentStatus> read = status.isObject() ? Optional.of(StatusJson.read(status)) : Optional.empty();
        List<AgentView.Offer> offers = new ArrayList<>();
        for (JsonNode p : node.path("profiles")) {
            offers.add(new AgentView.Offer(Json.text(p, "name", "profiles."), ProfileKind.fromWord(p.path("kind").asText("custom")),
                    Optional.ofNullable(Json.optionalText(p, "refused", "profiles."))));
        }
        JsonNode rights = node.path("rights");
        return new AgentView(read, offers, new AgentView.Rights(rights.path("choose").asBoolean(), rights.path("admin").asBoolean(),
                Optional.ofNullable(Json.optionalText(rights, "managed", "rights."))), Optional.empty());
    }
}
