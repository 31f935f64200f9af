package io.github.wuproxy.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.json.LocationJson;
import io.github.wuproxy.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A place judged before is judged again once Windows Update's own way to the proxy changed. */
class BaselineJudgementTest {
    @Test
    void backOnTheVpnAfterWindowsUpdateLearnedToFallBackOnTheUsersProxy() throws Exception {
        String vpn = LocationJson.write(Fixtures.location("network/corp-vpn-edited.json")).toString();
        String home = LocationJson.write(Fixtures.location("network/home-wifi-edited.json")).toString();
        String timeline = "{\"windowsUpdate\":{\"source\":\"wsus\",\"userProxyFallback\":false}}\n"
                + "{\"define\":{\"vpn\":" + vpn + ",\"home\":" + home + "}}\n"
                + "{\"t\":0,\"userProxy\":{\"mode\":\"fixed\",\"server\":\"proxy.corp.example.com:8080\",\"bypass\":\"<local>\"}}\n"
                + "{\"t\":0,\"network\":\"vpn\"}\n"
                + "{\"t\":600,\"scan\":{}}\n"
                + "{\"t\":700,\"windowsUpdate\":{\"source\":\"wsus\",\"userProxyFallback\":true}}\n"
                + "{\"t\":800,\"network\":\"home\"}\n"
                + "{\"t\":900,\"network\":\"vpn\"}\n"
                + "{\"t\":1500,\"scan\":{}}\n";
        List<ObjectNode> lines = new ArrayList<>();
        new Simulation(Fixtures.shippedProfiles(), AgentSettings.defaults(), lines::add).run(Timeline.parse("day", timeline));
        List<String> baselines = lines.stream().filter(line -> line.get("type").asText().equals("scan"))
                .map(line -> line.get("baseline").get("way").asText() + " " + line.get("baseline").get("fits").asBoolean()).toList();
        assertEquals(List.of("machine false", "user true"), baselines);
    }
}
