package io.github.wuproxy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.port.Remembered;
import java.util.Optional;

/** The answer to {@code remember}: {@code {"profile":..,"file":..,"priority":..,"kept":..,"stillApplies":{"profile":..,"priority":..}}}. */
public final class RememberedJson {
    private RememberedJson() {}

    public static ObjectNode write(Remembered remembered) {
        ObjectNode node = Json.object().put("profile", remembered.profile()).put("file", remembered.file())
                .put("priority", remembered.priority()).put("kept", remembered.kept());
        remembered.stillApplies().ifPresent(w -> node.putObject("stillApplies").put("profile", w.profile()).put("priority", w.priority()));
        return node;
    }

    public static Remembered read(JsonNode node) throws JsonFormatException {
        Json.object(node, "remembered");
        if (!node.path("priority").isInt() || !node.path("kept").isBoolean()) {
            throw new JsonFormatException("remembered: needs a whole number `priority` and a true/false `kept`");
        }
        JsonNode winner = node.path("stillApplies");
        Optional<Remembered.Winner> stillApplies = Optional.empty();
        if (winner.isObject()) {
            if (!winner.path("priority").isInt()) {
                throw new JsonFormatException("remembered.stillApplies: needs a whole number `priority`");
            }
            stillApplies = Optional.of(new Remembered.Winner(Json.text(winner, "profile", "remembered.stillApplies."), winner.path("priority").asInt()));
        }
        return new Remembered(Json.text(node, "profile", "remembered."), Json.text(node, "file", "remembered."), node.path("priority").asInt(),
                node.path("kept").asBoolean(), stillApplies);
    }
}
