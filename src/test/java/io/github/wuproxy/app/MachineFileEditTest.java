package io.github.wuproxy.app;

import static io.github.wuproxy.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.format.WinHttpSettings;
import io.github.wuproxy.port.AgentStatus;
import io.github.wuproxy.port.ScanSource;
import io.github.wuproxy.sim.InMemoryStateStore;
import io.github.wuproxy.sim.PersistentSimulatedStore;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.ScriptedNetworkLocationSource;
import io.github.wuproxy.sim.SimulatedProxyVerifier;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.sim.SimulatedUserProxySource;
import io.github.wuproxy.testing.Fixtures;
import io.github.wuproxy.testing.RecordingNotifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Off Windows the simulated machine is a file; editing it by hand under a running agent is another
 * program's write, as on Windows: WUP500 at once, then wuproxy's own proxy back (foreign-write = reassert),
 * without waiting for a drift check or a sync.
 */
class MachineFileEditTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example.com:8080", "<local>");
    private static final UpdateProxy EVIL = UpdateProxy.fixed("evil.example:3128", "");

    @TempDir
    Path data;

    private static UpdateProxy inFile(Path file) {
        try {
            return PersistentSimulatedStore.open(file).current();
        } catch (io.github.wuproxy.port.StoreException e) {
            return UpdateProxy.direct(); // caught mid-write: look again
        }
    }


    private final RecordingNotifier notifier = new RecordingNotifier();
    private StatusHub hub;
    private Path file;

    /** An agent at the office over the machine file; the drift check is 15 minutes away, so only the edit itself can make it look. */
    private Agent startAgent(AgentSettings.ForeignWritePolicy policy) throws Exception {
        file = data.resolve("simulated-machine.json");
        var store = PersistentSimulatedStore.open(file);
        var network = new ScriptedNetworkLocationSource();
        network.setQuietly(Fixtures.location("network/corp-dock-wired-edited.json"));
        var user = new SimulatedUserProxySource(UserProxySettings.fixed((UpdateProxy.Fixed) CORP));
        var adapters = new Adapters("test", network, store, user, new ProbedPacResolver(), new SimulatedUpdateService(store::current),
                new SimulatedUpdateScanner(), new SimulatedProxyVerifier(), ScanSource.NONE);
        hub = new StatusHub(notifier);
        Agent agent = Agent.start(adapters, new InMemoryStateStore(), hub, Fixtures.shippedProfiles(),
                AgentSettings.defaults().withSettleDelay(Duration.ZERO).withForeignWrite(policy).engine());
        await("corporate's proxy is in the file", () -> inFile(file).equals(CORP));
        return agent;
    }

    /** As a person in an editor would: the same file, rewritten in place with another proxy. */
    private void editByHand() throws Exception {
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String corpHex = HexFormat.of().formatHex(WinHttpSettings.encode(CORP));
        assertTrue(before.contains(corpHex), before);
        Files.writeString(file, before.replace(corpHex, HexFormat.of().formatHex(WinHttpSettings.encode(EVIL))), StandardCharsets.UTF_8);
    }

    private List<String> raised() {
        try {
            return notifier.problems.stream().filter(p -> p.code() == ProblemCode.FOREIGN_WRITE).map(p -> p.whatFailed()).toList();
        } catch (java.util.ConcurrentModificationException e) {
            return List.of(); // the engine was adding one: look again
        }
    }

    @Test
    void aHandEditIsAnotherProgramsWriteAndWuproxyPutsItsOwnBack() throws Exception {
        Agent agent = startAgent(AgentSettings.ForeignWritePolicy.REASSERT);
        try {
            editByHand();
            await("WUP500 is raised", () -> !raised().isEmpty());
            assertEquals(List.of("Another program set the Windows Update proxy to evil.example:3128"), raised());
            await("wuproxy's own proxy is back in the file", () -> inFile(file).equals(CORP));
        } finally {
            agent.close();
        }
    }

    @Test
    void withYieldTheEditStaysAndSoDoesTheProblem() throws Exception {
        Agent agent = startAgent(AgentSettings.ForeignWritePolicy.YIELD);
        try {
            editByHand();
            await("WUP500 is in the status", () -> hub.latest().map(s -> s.problems().stream().map(p -> p.problem().code()).toList())
                    .orElse(List.of()).contains(ProblemCode.FOREIGN_WRITE));
            AgentStatus status = hub.latest().orElseThrow();
            assertEquals(java.util.Optional.of(EVIL), status.held(), "the status shows what the machine holds");
            assertEquals(EVIL, inFile(file), "yield leaves the edit");
        } finally {
            agent.close();
        }
    }
}
