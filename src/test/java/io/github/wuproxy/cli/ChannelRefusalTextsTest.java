package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wuproxy.json.Json;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The channel's own answers (busy, too many trays, another protocol) read in the user's language, in English as the agent says them. */
class ChannelRefusalTextsTest {
    private static String said(String answer, Locale locale) throws Exception {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, locale);
        try {
            return AgentRequestCommand.refusal(Json.parse(answer));
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void busyAndProtocolAnswersReadInEnglishAsSentAndInJapanese() throws Exception {
        String busy = "{\"ok\":false,\"refusal\":\"busy\",\"error\":\"the agent is busy with another scan; try again in a moment\","
                + "\"why\":{\"code\":\"busy-with\",\"values\":[\"scan\"]}}";
        assertEquals("the agent is busy with another scan; try again in a moment", said(busy, Locale.ENGLISH));
        assertEquals("エージェントは別の scan を処理中です。しばらくしてからもう一度お試しください。", said(busy, Locale.JAPANESE));
        String protocol = "{\"ok\":false,\"refusal\":\"bad-request\",\"error\":\"unsupported protocol version 7; this agent speaks 1\","
                + "\"why\":{\"code\":\"protocol\",\"values\":[\"7\",\"1\"]}}";
        assertEquals("unsupported protocol version 7; this agent speaks 1", said(protocol, Locale.ENGLISH));
        assertEquals("プロトコル バージョン 7 には対応していません。このエージェントはバージョン 1 を使います。wuproxy を同じバージョンに揃えてください。",
                said(protocol, Locale.JAPANESE));
    }

    @Test
    void aNameWithALineBreakCannotForgeTheRefusal() throws Exception {
        String answer = "{\"ok\":false,\"refusal\":\"bad-input\",\"error\":\"there is no profile direct\\nx; profiles are direct\","
                + "\"why\":{\"code\":\"no-profile\",\"values\":[\"direct\\nx\\u001b[2J\",\"direct\"]}}";
        assertEquals("there is no profile direct\\nx\\u001b[2J; profiles are direct", said(answer, Locale.ENGLISH));
    }
}
