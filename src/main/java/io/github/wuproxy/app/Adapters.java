package io.github.wuproxy.app;

import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.port.ProxyVerifier;
import io.github.wuproxy.port.ScanSource;
import io.github.wuproxy.probe.HttpConnectVerifier;
import io.github.wuproxy.windows.UpdateClientEventSource;
import io.github.wuproxy.windows.WinHttpProxyVerifier;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.port.UpdateScanner;
import io.github.wuproxy.port.UpdateService;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.portable.EnvironmentUserProxySource;
import io.github.wuproxy.sim.PersistentSimulatedStore;
import io.github.wuproxy.portable.PortableNetworkLocationSource;
import io.github.wuproxy.sim.ProbedPacResolver;
import io.github.wuproxy.sim.SimulatedUpdateScanner;
import io.github.wuproxy.sim.SimulatedUpdateService;
import io.github.wuproxy.windows.ScmUpdateService;
import io.github.wuproxy.windows.UsoClientScanner;
import io.github.wuproxy.windows.WindowsNetworkLocationSource;
import io.github.wuproxy.windows.WinHttpPacResolver;
import io.github.wuproxy.windows.WinHttpUpdateProxyStore;
import io.github.wuproxy.windows.WinHttpUserProxySource;
import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import io.github.wuproxy.config.AgentSettings;
import io.github.wuproxy.probe.ActiveProbes;
import io.github.wuproxy.probe.CaptivePortalCheck;
import io.github.wuproxy.probe.HttpCaptivePortalCheck;
import io.github.wuproxy.probe.NameResolver;
import io.github.wuproxy.probe.ProbingLocationSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Duration;
import java.util.Locale;

/** The one place that asks which OS this is, and picks the adapters for it. */
record Adapters(
        String description,
        NetworkLocationSource network,
        UpdateProxyStore store,
        UserProxySource user,
        PacResolver pac,
        UpdateService service,
        UpdateScanner scanner,
        ProxyVerifier verifier,
        ScanSource scans) {

    /** How long a proxy check may take: a proxy slower than this fails Windows Update too. */
    static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(5);

    /** Off Windows nothing announces a network change to Java, so the portable source looks this often. */
    static final Duration PORTABLE_POLL = Duration.ofSeconds(5);

    /** The real thing. */
    private static Adapters windows(Duration probeTimeout) {
        Path system32 = Path.of(Shell32Util.getKnownFolderPath(KnownFolders.FOLDERID_System));
        return new Adapters("Windows adapters (IP Helper, Network List Manager, WLAN, WinHTTP, BITS, the Service Control Manager)",
                WindowsNetworkLocationSource.open(),
                WinHttpUpdateProxyStore.open(system32),
                WinHttpUserProxySource.open(),
                WinHttpPacResolver.open(probeTimeout),
                new ScmUpdateService(Duration.ofSeconds(30)),
                new UsoClientScanner(system32),
                WinHttpProxyVerifier.open(VERIFY_TIMEOUT),
                UpdateClientEventSource.open());
    }

    /** The Application log on Windows; elsewhere the log file says it all. */
    static io.github.wuproxy.port.EventLog eventLog() {
        return isWindows() ? io.github.wuproxy.windows.WindowsEventLog.open() : io.github.wuproxy.port.EventLog.NONE;
    }

    /** Group Policy on Windows; elsewhere nothing is managed. */
    static io.github.wuproxy.port.Policy policy() {
        return isWindows() ? new io.github.wuproxy.windows.RegistryPolicySource().read() : io.github.wuproxy.port.Policy.NONE;
    }

    /** The Windows Update policies that bear on proxies; none elsewhere. */
    static io.github.wuproxy.port.UpdatePolicy updatePolicy() {
        return isWindows() ? io.github.wuproxy.windows.RegistryUpdatePolicy.read() : io.github.wuproxy.port.UpdatePolicy.NONE;
    }

    /** When Windows Update scans next: its Schedule Scan task on Windows; unknown elsewhere and under -Dwuproxy.simulate. */
    static io.github.wuproxy.port.ScanSchedule scanSchedule() {
        return isWindows() && !Boolean.getBoolean("wuproxy.simulate") ? io.github.wuproxy.windows.TaskSchedulerScanSchedule.open()
                : io.github.wuproxy.port.ScanSchedule.NONE;
    }

    /** The advanced WinHTTP store (both scopes), ProxySettingsPerUser and the machine-wide WinINet settings on Windows. */
    static UpdateStores updateStores() {
        if (!isWindows()) {
            return UpdateStores.NOT_WINDOWS;
        }
        var netsh = new io.github.wuproxy.windows.NetshAdvancedProxy(Path.of(Shell32Util.getKnownFolderPath(KnownFolders.FOLDERID_System)));
        java.util.Map<String, java.util.Optional<String>> shown = new java.util.LinkedHashMap<>();
        java.util.Optional<String> error = java.util.Optional.empty();
        try {
            for (var scope : java.util.List.of(io.github.wuproxy.windows.NetshAdvancedProxy.Scope.MACHINE,
                    io.github.wuproxy.windows.NetshAdvancedProxy.Scope.USER)) {
                shown.put(scope.word(), netsh.show(scope));
            }
            if (shown.values().stream().allMatch(java.util.Optional::isEmpty)) { // a netsh that takes no scope, or none at all
                var inForce = io.github.wuproxy.windows.NetshAdvancedProxy.Scope.IN_FORCE;
                java.util.Optional<String> plain = netsh.show(inForce);
                if (plain.isPresent()) {
                    shown.clear();
                    shown.put(inForce.word(), plain);
                }
            }
        } catch (java.io.IOException e) {
            error = java.util.Optional.of(e.getMessage());
        }
        return new UpdateStores(true, shown, error, io.github.wuproxy.windows.RegistryUpdatePolicy.proxySettingsPerUser(),
                io.github.wuproxy.windows.RegistryUpdatePolicy.machineWinInet(), scanSchedule().next());
    }

    /** ", build 22631.4460" on Windows; empty elsewhere. */
    static String windowsBuild() {
        return isWindows() ? io.github.wuproxy.windows.WindowsBuild.read().map(b -> ", build " + b).orElse("") : "";
    }

    /** Who may write a folder: the ACL on Windows, the POSIX mode elsewhere. */
    static io.github.wuproxy.port.FolderPermissions folderPermissions() {
        return isWindows() ? new io.github.wuproxy.windows.AclFolderPermissions() : new io.github.wuproxy.portable.PosixFolderPermissions();
    }

    /** The token files' accounts in this Windows' language; unused elsewhere. */
    static io.github.wuproxy.ipc.AccountNames accountNames() {
        if (!isWindows()) {
            return io.github.wuproxy.ipc.AccountNames.ENGLISH;
        }
        return new io.github.wuproxy.ipc.AccountNames(io.github.wuproxy.windows.WindowsAccounts.name(io.github.wuproxy.windows.WindowsAccounts.SYSTEM),
                io.github.wuproxy.windows.WindowsAccounts.name(io.github.wuproxy.windows.WindowsAccounts.ADMINISTRATORS),
                io.github.wuproxy.windows.WindowsAccounts.name(io.github.wuproxy.windows.WindowsAccounts.INTERACTIVE));
    }

    /** The signed-in user's own proxy settings, read in their session: WinINet on Windows, the environment elsewhere. */
    static UserProxySource userProxyOfThisSession() {
        return isWindows() ? WinHttpUserProxySource.open() : new EnvironmentUserProxySource(System.getenv());
    }

    /**
     * The caller's own proxy settings and where their backup is kept: WinINet and %LOCALAPPDATA%\wuproxy on
     * Windows; elsewhere the simulated machine's user and the data folder.
     */
    static io.github.wuproxy.cli.RestoreCommand.UserStores userProxyStores(AgentPaths paths) {
        var backups = new io.github.wuproxy.state.FileUserProxyBackups(paths.userProxyBackups(isWindows()));
        return new io.github.wuproxy.cli.RestoreCommand.UserStores() {
            @Override
            public io.github.wuproxy.port.UserProxyWriter writer() throws StoreException {
                if (machineWideUserProxy()) {
                    throw new StoreException(StoreException.Reason.FAILED, "the proxy settings are the machine's here (Group Policy "
                            + "ProxySettingsPerUser = 0): the wuproxy service keeps them, and `wuproxy restore` puts them back");
                }
                return isWindows() && !Boolean.getBoolean("wuproxy.simulate")
                        ? io.github.wuproxy.windows.WinInetUserProxyWriter.open(io.github.wuproxy.windows.WinInetUserProxyWriter.Scope.USER)
                        : io.github.wuproxy.sim.PersistentSimulatedUserProxy.open(paths.simulatedMachine());
            }

            @Override
            public io.github.wuproxy.port.UserProxyBackups backups() {
                return backups;
            }
        };
    }

    /** Whether the WinINet proxy settings are the machine's (Group Policy ProxySettingsPerUser = 0); never elsewhere. */
    static boolean machineWideUserProxy() {
        return isWindows() && !Boolean.getBoolean("wuproxy.simulate") && io.github.wuproxy.windows.WinInetProxyPolicy.perMachine();
    }

    /** The machine's WinINet settings, which the service keeps under ProxySettingsPerUser = 0. */
    static io.github.wuproxy.windows.WinInetUserProxyWriter machineUserProxy() {
        return io.github.wuproxy.windows.WinInetUserProxyWriter.open(io.github.wuproxy.windows.WinInetUserProxyWriter.Scope.MACHINE);
    }

    /** On Windows the socket file needs an ACL of its own for interactive users to connect; elsewhere its folder decides. */
    static io.github.wuproxy.ipc.IpcServer.SocketAccess socketAccess() {
        return isWindows() ? io.github.wuproxy.windows.SocketAcl::openToInteractiveUsers : io.github.wuproxy.ipc.IpcServer.SocketAccess.FOLDER_DECIDES;
    }

    static boolean isWindows() {
        return osName().toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static String osName() {
        return System.getProperty("os.name", "");
    }

    static Adapters forThisMachine(AgentPaths paths, AgentSettings settings) throws StoreException {
        Adapters passive = passive(paths, settings.probeTimeout());
        return new Adapters(passive.description(), probing(passive.network(), settings), passive.store(), passive.user(),
                passive.pac(), passive.service(), passive.scanner(), passive.verifier(), passive.scans());
    }

    /** The same, with the user's settings handed over by their tray: a Windows service cannot read them itself. */
    Adapters withUser(UserProxySource handedOver) {
        return new Adapters(description, network, store, handedOver, pac, service, scanner, verifier, scans);
    }

    /** Active probes in parallel, each within probe-timeout, and the captive-portal check in front of the passive source. */
    private static NetworkLocationSource probing(NetworkLocationSource passive, AgentSettings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "wuproxy-probe");
            thread.setDaemon(true);
            return thread;
        });
        CaptivePortalCheck portal = settings.captivePortalUrl().isEmpty() ? CaptivePortalCheck.NEVER
                : new HttpCaptivePortalCheck(URI.create(settings.captivePortalUrl()), HttpCaptivePortalCheck.WINDOWS_ANSWER,
                        settings.probeTimeout());
        return new ProbingLocationSource(passive, new ActiveProbes(NameResolver.system(), settings.probeTimeout(), pool), portal);
    }

    private static Adapters passive(AgentPaths paths, Duration probeTimeout) throws StoreException {
        if (isWindows() && !Boolean.getBoolean("wuproxy.simulate")) {
            return windows(probeTimeout);
        }
        PersistentSimulatedStore store = PersistentSimulatedStore.open(paths.simulatedMachine());
        String why = isWindows()
                ? "-Dwuproxy.simulate=true was given"
                : "this is not Windows (" + osName() + ")";
        return new Adapters(
                "portable network source and a SIMULATED Windows Update proxy store and service in " + paths.simulatedMachine() + ", because " + why,
                new PortableNetworkLocationSource(Path.of("/"), PORTABLE_POLL),
                store,
                new EnvironmentUserProxySource(System.getenv()),
                new ProbedPacResolver(),
                new SimulatedUpdateService(store::current),
                new SimulatedUpdateScanner(),
                HttpConnectVerifier.windowsUpdate(VERIFY_TIMEOUT),
                ScanSource.NONE);
    }
}
