package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.cli.RestoreCommand;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.ipc.IpcClient;
import io.github.wuproxy.json.Json;
import io.github.wuproxy.json.ProxyJson;
import io.github.wuproxy.sim.PersistentSimulatedStore;
import io.github.wuproxy.state.FileStateStore;
import io.github.wuproxy.testing.ChildAgent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Real agent processes on real files: a second one on the same folder, and kill -9 in the middle of changes. */
class AgentProcessTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final UpdateProxy ORIGINAL = UpdateProxy.fixed("orig.example:3128", "<local>;*.corp.example");

    @TempDir
    Path dir;

    private static JsonNode machine(Path data) throws Exception {
        return Json.parse(Files.readString(data.resolve("simulated-machine.json"), StandardCharsets.UTF_8));
    }

    private static void plantOriginal(Path data) throws Exception {
        var store = PersistentSimulatedStore.open(data.resolve("simulated-machine.json"));
        store.writeWinHttp(ORIGINAL);
        store.writeBits(ORIGINAL);
    }

    @Test
    void aSecondAgentOnTheSameFolderRefusesBeforeWritingAnything() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        plantOriginal(data);
        try (ChildAgent first = ChildAgent.start(data, dir.resolve("first.out"))) {
            assertTrue(first.awaitListening(START), Files.readString(dir.resolve("first.out")));
            var set = IpcClient.request("set");
            set.set("proxy", ProxyJson.write(UpdateProxy.fixed("first.example:8080", "")));
            assertTrue(new IpcClient(data.resolve("channel").resolve("agent.sock")).send(set).path("ok").asBoolean());
            String machineBefore = Files.readString(data.resolve("simulated-machine.json"));
            String stateBefore = Files.readString(data.resolve("state").resolve("agent-state.json"));
            long modifiedBefore = Files.getLastModifiedTime(data.resolve("simulated-machine.json")).toMillis();

            ChildAgent second = ChildAgent.start(data, dir.resolve("second.out"));
            assertTrue(second.process().waitFor(60, TimeUnit.SECONDS), "the second agent ends by itself");
            String said = Files.readString(dir.resolve("second.out"));
            assertNotEquals(0, second.process().exitValue());
            assertTrue(said.contains("The agent did not start: another wuproxy agent (process " + first.process().pid() + ") is running on "
                    + data), said);
            assertEquals(machineBefore, Files.readString(data.resolve("simulated-machine.json")), "the machine is untouched");
            assertEquals(modifiedBefore, Files.getLastModifiedTime(data.resolve("simulated-machine.json")).toMillis());
            assertEquals(stateBefore, Files.readString(data.resolve("state").resolve("agent-state.json")));
            assertTrue(IpcClient.isAlive(data.resolve("channel").resolve("agent.sock")), "and the first one still answers");
        }
    }

    /**
     * A stream of `set`s to a child agent, SIGKILL at a random moment, a restart from its files, then
     * `restore`: run N times (-Dwuproxy.crash.runs, 5 by default), no original may be lost, no
     * restart left pending, every restore byte for byte.
     */
    @Test
    void killNineDuringChangesNeverLosesTheOriginal() throws Exception {
        int runs = Integer.getInteger("wuproxy.crash.runs", 5);
        long seed = Long.getLong("wuproxy.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        int lost = 0;
        int pending = 0;
        int exact = 0;
        int sets = 0;
        for (int run = 0; run < runs; run++) {
            Path data = Files.createDirectory(dir.resolve("run" + run));
            plantOriginal(data);
            JsonNode original = machine(data);
            try (ChildAgent agent = ChildAgent.start(data, dir.resolve("run" + run + ".out"))) {
                if (random.nextBoolean()) { // half the runs die during the start's own first change
                    Thread.sleep(random.nextInt(3000));
                    agent.kill();
                } else {
                    assertTrue(agent.awaitListening(START), Files.readString(dir.resolve("run" + run + ".out")));
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(2000));
                    Thread killer = new Thread(() -> {
                        try {
                            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                            agent.kill();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    killer.start();
                    while (agent.process().isAlive()) {
                        var set = IpcClient.request("set");
                        set.set("proxy", ProxyJson.write(random.nextInt(4) == 0 ? UpdateProxy.direct()
                                : UpdateProxy.fixed("p" + random.nextInt(1000) + ".example:" + (1 + random.nextInt(65535)), "")));
                        try {
                            new IpcClient(data.resolve("channel").resolve("agent.sock")).send(set);
                            sets++;
                        } catch (IOException e) {
                            break; // killed mid-request
                        }
                    }
                    killer.join();
                }
            }
            try (ChildAgent again = ChildAgent.start(data, dir.resolve("run" + run + "-again.out"))) {
                assertTrue(again.awaitListening(START), Files.readString(dir.resolve("run" + run + "-again.out")));
                JsonNode state = Json.parse(Files.readString(data.resolve("state").resolve("agent-state.json")));
                if (state.path("restartPending").asBoolean()) {
                    pending++;
                }
            }
            JsonNode now = machine(data);
            Path backup = data.resolve("state").resolve("original-settings.json");
            boolean changed = !now.equals(original);
            if (changed && (!Files.exists(backup) || !Json.parse(Files.readString(backup)).path("winHttpSettings").asText()
                    .equals(original.path("winHttpSettings").asText()))) {
                lost++;
            }
            var restore = new CommandLine(new RestoreCommand(() -> PersistentSimulatedStore.open(data.resolve("simulated-machine.json")),
                    new FileStateStore(data.resolve("state"))));
            restore.setOut(new PrintWriter(new StringWriter()));
            restore.setErr(new PrintWriter(new StringWriter()));
            assertEquals(0, restore.execute());
            if (machine(data).equals(original)) {
                exact++;
            }
        }
        System.out.printf("kill -9 during changes: %d runs, %d sets answered, %d lost originals, %d pending restarts left, "
                + "%d of %d restores byte-exact (seed %d)%n", runs, sets, lost, pending, exact, runs, seed);
        assertEquals(0, lost, "lost originals");
        assertEquals(0, pending, "pending restarts left");
        assertEquals(runs, exact, "byte-exact restores");
    }
}
