package io.github.wuproxy.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.json.UserProxyJson;
import java.util.HexFormat;
import java.util.Optional;

/** The simulation's downloads and the user-proxy writes they depend on: counts and their JSON lines. */
final class UserProxyDownloads {
    private int downloads;
    private int fitting;
    private int writes;

    void count(Boolean fits) {
        downloads++;
        fitting += Boolean.TRUE.equals(fits) ? 1 : 0;
    }

    void written() {
        writes++;
    }

    int downloads() {
        return downloads;
    }

    int fitting() {
        return fitting;
    }

    ObjectNode line(ObjectNode line, UpdateProxy effective, Optional<UpdateProxy> expected, Optional<UserProxySettings> settings, Boolean fits) {
        line.set("effective", ProxyJson.write(effective));
        line.set("expected", expected.map(ProxyJson::write).orElse(null));
        if (fits == null) {
            line.putNull("fits");
        } else {
            line.put("fits", fits);
        }
        line.set("userProxy", settings.map(UserProxyJson::write).orElse(null));
        return line;
    }

    /** A write line for the user's own proxy: what it is now and its bytes; {@code restored} when the user's own came back. */
    ObjectNode writeLine(ObjectNode line, Optional<UserProxySettings> now, byte[] bytes, boolean restored) {
        ObjectNode user = line.putObject("userProxy");
        user.set("settings", now.map(UserProxyJson::write).orElse(null));
        user.put("connectionSettings", HexFormat.of().formatHex(bytes));
        user.put("restored", restored);
        return line;
    }

    /** Adds the download fields to the summary, only when there was anything to count (older summaries stay as they were). */
    void summarise(ObjectNode summary) {
        if (downloads > 0) {
            summary.put("downloads", downloads).put("downloadsFitting", fitting);
        }
        if (writes > 0) {
            summary.put("userProxyWrites", writes);
        }
    }
}
