package io.github.wuproxy.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final String DEFINE = "{\"define\":{\"office\":{\"name\":\"office\",\"pac\":{\"http://wpad.corp.example/wpad.dat\":\"PROXY p.corp.example:8080\"}},"
            + "\"home\":{\"name\":\"home\",\"wpad\":null},\"branch\":{\"name\":\"branch\",\"wpad\":\"proxy.branch.example:3128\"}}}\n";

    private static List<TimelineEvent> parse(String text) throws TimelineException {
        return Timeline.parse("day.jsonl", text);
    }

    @Test
    void theShortFormsReadTheSameAsTheFullParserReadsThem() throws Exception {
        for (String t : List.of("0", "1", "1.5", "3600", "0.25", "123456789", "86399.999")) {
            String compact = DEFINE + "{\"t\":" + t + ",\"scan\":{}}\n{\"t\":" + t + ",\"network\":\"office\"}\n{\"t\":" + t + ",\"network\":null}\n";
            String spaced = compact.replace(",\"scan\"", ", \"scan\"").replace(",\"network\"", ", \"network\"");
            assertEquals(parse(spaced), parse(compact), t);
        }
    }

    @Test
    void whatTheShortFormsDoNotAcceptTheFullParserJudges() throws Exception {
        assertEquals(1000.0, parse("{\"t\":1e3,\"scan\":{}}").get(0).t());
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":01,\"scan\":{}}")).getMessage().startsWith("day.jsonl:1: not valid JSON"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":1.,\"scan\":{}}")).getMessage().startsWith("day.jsonl:1: not valid JSON"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":-1,\"scan\":{}}")).getMessage().contains("0 or more"));
        assertTrue(assertThrows(TimelineException.class, () -> parse(DEFINE + "{\"t\":1,\"network\":\"off\\\"ice\"}"))
                .getMessage().startsWith("day.jsonl:2: no snapshot is defined as \"off\"ice\""));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":" + "9".repeat(400) + ",\"scan\":{}}")).getMessage()
                .contains("`t` must be a number of seconds"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"define\":{\"a\\u0001\":{}}}\n{\"t\":1,\"network\":\"a\u0001\"}"))
                .getMessage().startsWith("day.jsonl:2: not valid JSON"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":1,\"scan\":{}," + "[".repeat(5000) + "}"))
                .getMessage().startsWith("day.jsonl:1: not valid JSON"));
        // An opening quote that is also the closing one: a clear message, not a crash.
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":1,\"network\":\"}")).getMessage()
                .startsWith("day.jsonl:1: not valid JSON"));
    }

    @Test
    void aUserProxyLineReadBeforeButForItsTimeReadsAsTheFullParserReadsIt() throws Exception {
        String pac = "\"userProxy\":{\"mode\":\"pac\",\"url\":\"http://wpad.corp.example/wpad.dat\"}}";
        String fixed = "\"userProxy\":{\"mode\":\"fixed\",\"server\":\"p.corp.example:8080\",\"bypass\":\"<local>\"}}";
        StringBuilder compact = new StringBuilder();
        for (String t : List.of("0", "1", "1.5", "3600", "86399.999", "123456789", "1234567890")) {
            compact.append("{\"t\":").append(t).append(",").append(pac).append('\n');
            compact.append("{\"t\":").append(t).append(",").append(fixed).append('\n');
            compact.append("{\"t\":").append(t).append(",\"userProxy\":{\"mode\":\"direct\"}}\n");
        }
        String spaced = compact.toString().replace(",\"userProxy\"", ", \"userProxy\"");
        List<TimelineEvent> events = parse(compact.toString());
        assertEquals(parse(spaced), events);
        assertEquals(1234567890.0, events.get(events.size() - 1).t());
        // A line that names t twice: JSON's last t wins, each time.
        String twice = "{\"t\":1,\"userProxy\":{\"mode\":\"direct\"},\"t\":7}";
        assertEquals(List.of(7.0, 7.0), parse(twice + "\n" + twice.replace("\"t\":1,", "\"t\":5,")).stream().map(TimelineEvent::t).toList());
        // A bad value is refused on every line that holds it, by the full parser.
        String bad = "{\"t\":1,\"userProxy\":{\"mode\":\"sometimes\"}}\n";
        assertTrue(assertThrows(TimelineException.class, () -> parse(bad + bad)).getMessage().startsWith("day.jsonl:1: `userProxy.mode` must be"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":2,\"userProxy\":{\"mode\":\"direct\"}}\n"
                + "{\"t\":1,\"userProxy\":{\"mode\":\"direct\"}}")).getMessage().startsWith("day.jsonl:2: t = 1.0 is before"));
    }

    @Test
    void aSnapshotWrittenOutAgainReadsAsTheFullParserReadsItAndIsOneObject() throws Exception {
        String office = "{\"name\":\"office\",\"category\":\"domain-authenticated\",\"wpad\":\"proxy.corp.example:8080\"}";
        String home = "{\"name\":\"home\",\"category\":\"private\"}";
        StringBuilder compact = new StringBuilder();
        for (int t = 0; t < 6; t++) {
            compact.append("{\"t\":").append(t * 60).append(",\"network\":").append(t % 2 == 0 ? office : home).append("}\n");
        }
        String spaced = compact.toString().replace(",\"network\"", ", \"network\"");
        List<TimelineEvent> events = parse(compact.toString());
        assertEquals(parse(spaced), events);
        assertSame(((TimelineEvent.Network) events.get(0)).location(), ((TimelineEvent.Network) events.get(4)).location());
        assertSame(((TimelineEvent.Network) events.get(1)).location(), ((TimelineEvent.Network) events.get(5)).location());
        assertEquals(Optional.of(UpdateProxy.fixed("proxy.corp.example:8080", "<local>")), ((TimelineEvent.Network) events.get(2)).wpad());
        assertEquals(Optional.empty(), ((TimelineEvent.Network) events.get(3)).wpad());
        assertEquals(List.of(0.0, 60.0, 120.0, 180.0, 240.0, 300.0), events.stream().map(TimelineEvent::t).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), events.stream().map(TimelineEvent::line).toList());
    }

    @Test
    void aShortFormBeyondAHundredYearsIsRefusedAsTheFullParserRefusesIt() {
        for (String event : List.of("\"scan\":{}", "\"network\":null", "\"userProxy\":{\"mode\":\"direct\"}")) {
            String line = "{\"t\":0,\"userProxy\":{\"mode\":\"direct\"}}\n{\"t\":99999999999," + event + "}";
            assertTrue(assertThrows(TimelineException.class, () -> parse(line)).getMessage()
                    .startsWith("day.jsonl:2: `t` is 99999999999 seconds; a simulation covers at most a hundred years"), event);
        }
    }

    @Test
    void aNamedSnapshotIsOneObjectWhereverItIsUsed() throws Exception {
        List<TimelineEvent> events = parse(DEFINE + "{\"t\":1,\"network\":\"office\"}\r\n{\"t\": 2, \"network\": \"office\"}\n");
        var first = (TimelineEvent.Network) events.get(0);
        var second = (TimelineEvent.Network) events.get(1);
        assertSame(first.location(), second.location());
        assertEquals(List.of(1, 2), events.stream().map(e -> e.line() - 1).toList());
    }

    @Test
    void wpadComesFromTheSnapshotOrItsWpadScript() throws Exception {
        List<TimelineEvent> events = parse(DEFINE + "{\"t\":1,\"network\":\"office\"}\n{\"t\":2,\"network\":\"home\"}\n{\"t\":3,\"network\":\"branch\"}\n");
        assertEquals(Optional.of(UpdateProxy.fixed("p.corp.example:8080", "<local>")), ((TimelineEvent.Network) events.get(0)).wpad());
        assertEquals(Optional.empty(), ((TimelineEvent.Network) events.get(1)).wpad());
        assertEquals(Optional.of(UpdateProxy.fixed("proxy.branch.example:3128", "<local>")), ((TimelineEvent.Network) events.get(2)).wpad());
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":1,\"network\":{\"wpad\":\"a b:c\"}}"))
                .getMessage().startsWith("day.jsonl:1: `network.wpad` must be host:port, \"direct\" or null"));
    }

    @Test
    void aWindowsUpdateLineWithoutTimeAppliesFromWhereItStands() throws Exception {
        List<TimelineEvent> events = parse("{\"windowsUpdate\":{\"source\":\"wsus\"}}\n{\"t\":50,\"scan\":{}}\n"
                + "{\"windowsUpdate\":{\"source\":\"microsoft\",\"userProxyFallback\":true}}\n");
        assertEquals(0.0, events.get(0).t());
        assertEquals(50.0, events.get(2).t());
        assertEquals(true, ((TimelineEvent.WindowsUpdate) events.get(2)).userProxyFallback());
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"windowsUpdate\":{\"source\":\"intune\"}}")).getMessage()
                .endsWith("`windowsUpdate.source` must be microsoft or wsus, found \"intune\""));
    }

    @Test
    void expectationsAreReadIntoTheFormTheyAreComparedIn() throws Exception {
        var expect = (TimelineEvent.Expect) parse("{\"t\":5,\"expect\":{\"proxy\":\"Proxy.Corp.Example:8080\",\"fits\":true,\"problem\":\"wup401\"}}").get(0);
        assertEquals("true", expect.wanted().get("fits"));
        assertEquals("WUP401", expect.wanted().get("problem"));
        assertTrue(expect.wanted().get("proxy").equalsIgnoreCase("proxy.corp.example:8080"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":5,\"expect\":{}}")).getMessage().contains("`expect` needs at least one of"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":5,\"expect\":{\"fits\":\"yes\"}}")).getMessage()
                .endsWith("`expect.fits` must be true or false"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":5,\"expect\":{\"profil\":\"x\"}}")).getMessage()
                .contains("unknown field `expect.profil`"));
    }

    @Test
    void aDownloadTakesNoSettings() throws Exception {
        assertTrue(parse("{\"t\":5,\"download\":{}}").get(0) instanceof TimelineEvent.Download);
        assertTrue(assertThrows(TimelineException.class, () -> parse("\n{\"t\":5,\"download\":{\"via\":\"user\"}}")).getMessage()
                .equals("day.jsonl:2: `download` takes no settings: write {\"t\":SECONDS,\"download\":{}}"));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":5,\"download\":true}")).getMessage()
                .startsWith("day.jsonl:1: `download` takes no settings"));
    }

    /** Hands out one byte per read, as a slow pipe does: every line is split across reads. */
    private static List<TimelineEvent> trickled(byte[] bytes) throws Exception {
        List<TimelineEvent> events = new java.util.ArrayList<>();
        Timeline.parse("day.jsonl", new java.io.ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, 1));
            }
        }, events::add);
        return events;
    }

    @Test
    void linesSplitAcrossReadsLongLinesAndOtherTextReadAsTheSameEvents() throws Exception {
        String longSnapshot = "{\"name\":\"long\",\"networkName\":\"" + "x".repeat(200_000) + "\"}"; // longer than the reader's first buffer
        String text = "{\"define\":{\"caf\u00e9\":{\"name\":\"caf\u00e9\"}}}\r\n"
                + "\u2003# a comment after an em space\n \t\n"
                + "{\"t\":1,\"network\":\"caf\u00e9\"}\r\n{\"t\":2,\"network\":" + longSnapshot + "}\n"
                + "{\"t\":3,\"userProxy\":{\"mode\":\"direct\"}}\n{\"t\":4,\"userProxy\":{\"mode\":\"direct\"}}\r\n{\"t\":5,\"scan\":{}}";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<TimelineEvent> events = trickled(bytes);
        assertEquals(parse(text), events);
        assertEquals(List.of(4, 5, 6, 7, 8), events.stream().map(TimelineEvent::line).toList());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), events.stream().map(TimelineEvent::t).toList());
        assertEquals("caf\u00e9", ((TimelineEvent.Network) events.get(0)).location().name());
        assertEquals("long", ((TimelineEvent.Network) events.get(1)).location().name());
        assertEquals(new TimelineEvent.Scan(5, 8), events.get(4));
    }

    @Test
    void textThatIsNotUtf8IsRefusedUnlessABadLineComesFirst() throws Exception {
        byte[] good = "{\"t\":1,\"scan\":{}}\n{\"t\":2,\"scan\":{}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] notText = {'{', '"', 't', '"', ':', '3', ',', '"', 'n', 'e', 't', 'w', 'o', 'r', 'k', '"', ':', '"', (byte) 0xff, '"', '}', '\n'};
        assertEquals(3, assertThrows(Timeline.NotUtf8.class, () -> trickled(concat(good, notText))).line());
        byte[] badLine = "{\"t\":2,\"scan\":{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(assertThrows(TimelineException.class, () -> trickled(concat(badLine, notText))).getMessage().startsWith("day.jsonl:1: "));
    }

    @Test
    void aCommentThatIsNotUtf8IsRefusedAsAnyOtherLine() {
        byte[] comment = {'#', ' ', 'c', 'a', 'f', (byte) 0xe9, '\n'};
        byte[] good = "{\"t\":1,\"scan\":{}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(java.nio.charset.CharacterCodingException.class, () -> trickled(concat(good, comment)));
        assertThrows(java.nio.charset.CharacterCodingException.class, () -> trickled(concat(comment, good)));
    }

    @Test
    void aRepeatedLineWithAnExponentOrAnEscapedTReadsAsTheFullParserReadsIt() throws Exception {
        String proxy = ",\"userProxy\":{\"mode\":\"direct\"}}";
        assertEquals(List.of(100.0, 500.0), parse("{\"t\":1e2" + proxy + "\n{\"t\":5e2" + proxy).stream().map(TimelineEvent::t).toList());
        assertEquals(List.of(0.0, 300000.0), parse("{\"t\":0e5" + proxy + "\n{\"t\":3e5" + proxy).stream().map(TimelineEvent::t).toList());
        String escaped = ",\"userProxy\":{\"mode\":\"direct\"},\"\\u0074\":7}";
        assertEquals(List.of(7.0, 7.0), parse("{\"t\":1" + escaped + "\n{\"t\":5" + escaped).stream().map(TimelineEvent::t).toList());
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":1" + escaped + "\n{\"t\":8,\"scan\":{}}\n{\"t\":9" + escaped))
                .getMessage().startsWith("day.jsonl:3: t = 7.0 is before the previous line's t = 8.0"));
    }

    @Test
    void aLongLineGetsMoreRoomOnlyForBytesThatCame() throws Exception {
        int limit = 1 << 17; // twice the first buffer: a line that fills it exactly, and a stream that refuses a byte more
        int[] room = new int[1];
        java.io.InputStream limited = new java.io.InputStream() {
            private int given;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] into, int offset, int length) throws java.io.IOException {
                room[0] = Math.max(room[0], into.length);
                if (given == limit) {
                    throw new java.io.IOException("longer than the limit");
                }
                int n = Math.min(length, limit - given);
                java.util.Arrays.fill(into, offset, offset + n, (byte) 'a');
                given += n;
                return n;
            }
        };
        assertThrows(java.io.IOException.class, () -> Timeline.parse("day.jsonl", limited, e -> { }));
        assertEquals(limit, room[0]); // not twice it: at the limit of the heap, twice is an OutOfMemoryError
    }

    @Test
    void aByteOrderMarkStartsATimelineAndTextAfterALinesObjectIsRefused() throws Exception {
        byte[] marked = "\uFEFF{\"t\":1,\"scan\":{}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(List.of(new TimelineEvent.Scan(1, 1)), trickled(marked));
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":1,\"scan\":{}}\n\uFEFF{\"t\":2,\"scan\":{}}")).getMessage()
                .startsWith("day.jsonl:2: not valid JSON at column 1"));
        // Two objects on one line, or lines that end in a lone CR: refused, not read as the first object alone.
        assertTrue(assertThrows(TimelineException.class, () -> parse("{\"t\":1,\"scan\":{}} {\"t\":2,\"scan\":{}}")).getMessage()
                .startsWith("day.jsonl:1: not valid JSON at column 19: more text after the end of the object"));
        String lonelyCr = "day.jsonl:1: a carriage return (\\r) without a \\n inside the line: a timeline's lines end in \\n or \\r\\n;"
                + " save it with Windows or Unix line ends";
        assertEquals(lonelyCr, assertThrows(TimelineException.class, () -> parse("{\"t\":1,\"scan\":{}}\r{\"t\":2,\"scan\":{}}\r")).getMessage());
        // a file with classic Mac line ends that starts with a comment was one comment line: nothing replayed, and no error
        assertEquals(lonelyCr, assertThrows(TimelineException.class, () -> parse("# a day\r{\"t\":1,\"scan\":{}}\r")).getMessage());
    }

    @Test
    void aByteOrderMarkIsSkippedOnLineOneOnly() throws Exception {
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertEquals(List.of(), trickled("\uFEFF".getBytes(utf8)));
        assertEquals(List.of(new TimelineEvent.Scan(1, 2)), trickled("\uFEFF# a comment\n{\"t\":1,\"scan\":{}}".getBytes(utf8)));
        assertEquals(List.of(new TimelineEvent.Scan(1, 2)), trickled("\uFEFF\r\n{\"t\":1,\"scan\":{}}\r\n".getBytes(utf8)));
        // two files saved by a Windows editor, joined with cat: the second mark is named, not shown as an unseen character
        assertEquals("day.jsonl:2: not valid JSON at column 1: unexpected U+FEFF (a byte order mark)",
                assertThrows(TimelineException.class, () -> trickled("# a\n\uFEFF# b\n".getBytes(utf8))).getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
