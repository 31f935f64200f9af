package io.github.wuproxy.app;

import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.sim.EnvironmentUserProxySource;
import io.github.wuproxy.sim.PersistentSimulatedStore;
import io.github.wuproxy.sim.PortableNetworkLocationSource;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.SimulatedUpdateService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The one place that asks which OS this is, and picks the adapters for it. */
record Adapters(
        String description,
        NetworkLocationSource network,
        UpdateProxyStore store,
        UserProxySource user,
        PacResolver pac,
        UpdateService service) {

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static Adapters forThisMachine(AgentPaths paths) throws StoreException {
        PersistentSimulatedStore store = PersistentSimulatedStore.open(paths.simulatedMachine());
        String why = isWindows()
                ? "the Windows adapters are not built yet (issue #4)"
                : "this is not Windows (" + System.getProperty("os.name") + ")";
        return new Adapters(
                "portable network source and a SIMULATED Windows Update proxy store and service in " + paths.simulatedMachine() + ", because " + why,
                new PortableNetworkLocationSource(Path.of("/"), Duration.ofSeconds(2)),
                store,
                new EnvironmentUserProxySource(System.getenv()),
                new ProbedPacResolver(),
                new SimulatedUpdateService(store::current));
    }
}
