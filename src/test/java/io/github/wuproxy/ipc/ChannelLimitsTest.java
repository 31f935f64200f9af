package io.github.wuproxy.ipc;

import static io.github.wuproxy.testing.Await.await;
import io.github.wuproxy.port.AgentRefusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.port.Policy;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The channel's limits over a real socket: slow and silent callers, failing operations, hostile lines, floods. */
@EnabledOnOs(OS.LINUX)
class ChannelLimitsTest {
    private static final String ME = System.getProperty("user.name");
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private IpcServer server;
    private final List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Path socket() {
        return dir.resolve("agent.sock");
    }

    private IpcServer serve(Map<IpcProtocol.Op, IpcOperation> table) throws IOException {
        server = IpcServer.start(socket(), IpcPolicy.ownerOnly(ME), table);
        return server;
    }

    private JsonNode ask(String op) throws IOException {
        return new IpcClient(socket()).send(IpcClient.request(op), GENEROUS);
    }

    private static ObjectNode ok() {
        return Json.object().put("ok", true);
    }

    @Test
    void aSubscriberThatNeverReadsIsDroppedAndTheOthersGetEveryPush() throws Exception {
        serve(IpcServerTest.recording(done));
        SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(socket()));
        silent.write(ByteBuffer.wrap("{\"v\":1,\"op\":\"subscribe\"}\n".getBytes(StandardCharsets.UTF_8)));
        var received = new LinkedBlockingQueue<JsonNode>();
        Thread reader = new Thread(() -> {
            try {
                new IpcClient(socket()).subscribe(received::add);
            } catch (IOException e) {
                // the server stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertTrue(received.poll(20, TimeUnit.SECONDS).path("ok").asBoolean());
        await("both subscribed", () -> server.subscriberCount() == 2);
        String padding = "p".repeat(4096);
        long started = System.nanoTime();
        for (int n = 1; n <= 500; n++) {
            server.publish(ok().put("n", n).put("padding", padding));
            if (n % 25 == 0) { // statuses come in bursts, not in one endless stream
                for (int m = n - 24; m <= n; m++) {
                    JsonNode push = received.poll(20, TimeUnit.SECONDS);
                    assertTrue(push != null, "push " + m + " reached the reading subscriber");
                    assertEquals(m, push.path("n").asInt());
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        await("the silent subscriber dropped", () -> server.subscriberCount() == 1);
        System.out.printf("[channel] 500 pushes of 4 KB with a subscriber that never reads: the reading one had all in %d ms; the silent one was dropped%n",
                millis);
        assertTrue(ask("status").path("ok").asBoolean());
        silent.close();
    }

    @Test
    void noFailureOfAnOperationEndsTheChannelAndEveryAnswerSaysWhy() throws Exception {
        Map<IpcProtocol.Op, IpcOperation> table = new EnumMap<>(IpcProtocol.Op.class);
        table.put(IpcProtocol.Op.STATUS, (request, admin) -> ok());
        table.put(IpcProtocol.Op.USE, (request, admin) -> ok().put("depth", recurse(0)));
        table.put(IpcProtocol.Op.PAUSE, (request, admin) -> ok().put("size", new long[Integer.MAX_VALUE].length));
        table.put(IpcProtocol.Op.SYNC, (request, admin) -> {
            throw new IllegalStateException();
        });
        table.put(IpcProtocol.Op.SCAN, (request, admin) -> {
            throw new AgentRefusal(AgentRefusal.Kind.FAILED, "");
        });
        table.put(IpcProtocol.Op.RESUME, (request, admin) -> null);
        serve(table);
        for (String op : List.of("use", "pause", "sync", "scan", "resume", "reload")) {
            JsonNode answer = ask(op);
            System.out.println("[channel] " + op + " that fails: " + answer);
            assertFalse(answer.path("ok").asBoolean(), answer.toString());
            assertFalse(answer.path("error").asText().isBlank(), "never an empty refusal: " + answer);
            assertTrue(ask("status").path("ok").asBoolean(), "still serving after " + op);
        }
        assertTrue(ask("use").path("error").asText().contains("StackOverflowError"));
        assertTrue(ask("pause").path("error").asText().contains("OutOfMemoryError"));
        assertEquals("unsupported", ask("reload").path("refusal").asText());
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void hostileLinesAreRefusedWithAReasonAndTheChannelGoesOn() throws Exception {
        serve(IpcServerTest.recording(done));
        String deep = "[".repeat(8000);
        assertTrue(raw(deep).path("error").asText().startsWith("malformed request"), "nested 8000 deep");
        String deepObject = "{\"v\":1,\"op\":\"use\",\"profile\":" + "{\"a\":".repeat(1100) + "1" + "}".repeat(1100) + "}";
        assertTrue(raw(deepObject).path("error").asText().startsWith("malformed request"), "an object nested 1100 deep");
        assertEquals("bad-request", raw("\u0000\u00ff\ud800 garbage").path("refusal").asText());
        try {
            JsonNode huge = raw("{\"v\":1,\"op\":\"status\",\"token\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}");
            assertTrue(huge.path("error").asText().startsWith("malformed request: longer than 8192 bytes"), huge.toString());
        } catch (IOException reset) {
            // refused unread: the server may close while the rest is still being sent
        }
        assertEquals(List.of(), done);
        assertTrue(ask("status").path("ok").asBoolean(), "still serving");
    }

    @Test
    void refusalsAreLoggedAtABoundedRate() throws Exception {
        server = IpcServer.start(socket(), new IpcPolicy(Set.of("alice"), Set.of("bob")), IpcServerTest.recording(done));
        var captured = new ListAppender<ILoggingEvent>();
        captured.start();
        Logger logger = (Logger) LoggerFactory.getLogger(IpcServer.class);
        logger.addAppender(captured);
        try {
            for (int i = 0; i < 10_000; i++) {
                assertEquals("not-allowed", raw("{\"v\":1,\"op\":\"pause\"}").path("refusal").asText());
            }
        } finally {
            logger.detachAppender(captured);
        }
        int bytes = captured.list.stream().mapToInt(e -> e.getFormattedMessage().length() + 40).sum();
        System.out.printf("[channel] 10000 refused requests: %d log lines, about %d bytes%n", captured.list.size(), bytes);
        assertTrue(captured.list.size() <= 10, captured.list.size() + " lines");
        assertEquals(List.of(), done);
    }

    @Test
    void heavyWorkRunsBesideStatusAndTooMuchOfItIsRefusedAsBusy() throws Exception {
        var release = new CountDownLatch(1);
        var running = new AtomicInteger();
        Map<IpcProtocol.Op, IpcOperation> table = new EnumMap<>(IpcProtocol.Op.class);
        table.put(IpcProtocol.Op.STATUS, (request, admin) -> ok());
        table.put(IpcProtocol.Op.SCAN, (request, admin) -> {
            running.incrementAndGet();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok();
        });
        serve(table);
        List<Thread> scans = new ArrayList<>();
        var answers = new LinkedBlockingQueue<JsonNode>();
        for (int i = 0; i < 6; i++) {
            Thread scan = new Thread(() -> {
                try {
                    answers.add(ask("scan"));
                } catch (IOException e) {
                    answers.add(Json.object().put("error", e.getMessage()));
                }
            });
            scan.start();
            scans.add(scan);
        }
        JsonNode busy = answers.poll(20, TimeUnit.SECONDS);
        assertEquals("busy", busy.path("refusal").asText(), "one heavy job runs, four wait, the sixth is told: " + busy);
        await("the first scan running", () -> running.get() == 1);
        assertTrue(ask("status").path("ok").asBoolean(), "status answers while a scan runs");
        assertEquals(1, running.get(), "one heavy job at a time");
        release.countDown();
        for (int i = 0; i < 5; i++) {
            assertTrue(answers.poll(20, TimeUnit.SECONDS).path("ok").asBoolean());
        }
    }

    @Test
    void aSilentCallerIsClosedAtTheReadDeadlineAndASlowAgentGivesTheClientAClearMessage() throws Exception {
        Map<IpcProtocol.Op, IpcOperation> table = new EnumMap<>(IpcProtocol.Op.class);
        table.put(IpcProtocol.Op.STATUS, (request, admin) -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok();
        });
        server = IpcServer.start(socket(), IpcPolicy.ownerOnly(ME), () -> Policy.NONE, table, AccountNames.ENGLISH,
                IpcServer.SocketAccess.FOLDER_DECIDES, new ChannelLoop.Limits(Duration.ofMillis(300), Duration.ofSeconds(1), 256, 64, 32));
        try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            silent.configureBlocking(true);
            assertEquals(-1, silent.read(ByteBuffer.allocate(16)), "closed by the agent after its read deadline");
        }
        var timeout = assertThrows(IOException.class, () -> new IpcClient(socket()).send(IpcClient.request("status"), Duration.ofSeconds(1)));
        assertTrue(timeout.getMessage().startsWith("the agent at " + socket() + " did not answer status within 1 s"), timeout.getMessage());
    }

    @Test
    void theSocketsFolderIsTheAgentsAloneAndNoLinkOrStrangersFolderIsUsed() throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        IpcServer.start(open.resolve("agent.sock"), IpcPolicy.ownerOnly(ME), Map.of()).close();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)), "made the agent's alone");
        Path target = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        var refused = assertThrows(IOException.class, () -> IpcServer.start(link.resolve("agent.sock"), IpcPolicy.ownerOnly(ME), Map.of()));
        assertTrue(refused.getMessage().contains("is not a folder (a link or a file is in its place)"), refused.getMessage());
        assertFalse(Files.exists(target.resolve("agent.sock")));

        assumeTrue(ME.equals("root"), "a folder of another account needs root to make");
        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.setOwner(planted, planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        var stranger = assertThrows(IOException.class, () -> IpcServer.start(planted.resolve("agent.sock"), IpcPolicy.ownerOnly(ME), Map.of()));
        assertTrue(stranger.getMessage().contains("belongs to nobody, not to the agent's account"), stranger.getMessage());
        assertFalse(Files.exists(planted.resolve("agent.sock")));
    }

    @Test
    void aLogBudgetLetsTenLinesAMinuteThroughAndCountsTheRest() {
        long[] now = {0};
        var budget = new LogBudget(10, Duration.ofMinutes(1), () -> now[0]);
        int logged = 0;
        for (int i = 0; i < 10_000; i++) {
            if (budget.take().isPresent()) {
                logged++;
            }
        }
        assertEquals(10, logged);
        now[0] += Duration.ofSeconds(59).toNanos();
        assertTrue(budget.take().isEmpty(), "still the same minute");
        now[0] += Duration.ofSeconds(1).toNanos();
        assertEquals(9991, budget.take().getAsInt(), "the first line of the next minute says how many were left out");
        assertEquals(0, budget.take().getAsInt());
        assertEquals(" (9991 more like it were not logged)", LogBudget.leftOut(9991));
    }

    @Test
    void acceptFailuresBackOffDoublingToTwoSecondsAndASuccessStartsAgain() {
        var backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pauses.add(backoff.failed().toMillis());
        }
        assertEquals(List.of(50L, 100L, 200L, 400L, 800L, 1600L, 2000L, 2000L), pauses);
        backoff.succeeded();
        assertEquals(Duration.ofMillis(50), backoff.failed());
    }

    /** One request line as a raw caller sends it; the answer. */
    private JsonNode raw(String line) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            while (channel.read(in) >= 0) {
                // to the end
            }
            return Json.parse(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
        } catch (io.github.wuproxy.json.JsonFormatException e) {
            throw new IOException(e);
        }
    }

}
