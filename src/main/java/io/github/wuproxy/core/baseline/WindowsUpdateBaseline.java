package io.github.wuproxy.core.baseline;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;
import java.util.Set;

/**
 * What Windows Update does about proxies on its own, without wuproxy, in the order Microsoft documents
 * ("How the Windows Update client determines which proxy server to use", Microsoft Learn, 2024-06-18;
 * "Delivery Optimization and proxies", 2024-05-23):
 * <ol>
 *   <li>a scan uses the system proxy: the machine WinHTTP proxy when one is set, otherwise the proxy
 *       WPAD finds on the network, otherwise direct;</li>
 *   <li>after a proxy, service or authentication error, a scan of a Microsoft-hosted service tries
 *       the signed-in user's proxy; a WSUS scan does so only with SetProxyBehaviorForUpdateDetection = 1;</li>
 *   <li>a Delivery Optimization download uses the signed-in user's proxy; with nobody signed in, the machine's.</li>
 * </ol>
 * A way fits when it takes the same route out (direct, or the same proxy server) as the network calls for.
 * Pure and single-threaded.
 */
public final class WindowsUpdateBaseline {
    /** ERROR_WINHTTP_CANNOT_CONNECT: no route out this way (direct where a proxy is needed, or a wrong proxy). */
    public static final int CANNOT_CONNECT = 0x80072EFD;
    /** ERROR_WINHTTP_NAME_NOT_RESOLVED: a proxy named on a network where it does not exist (the office proxy at home). */
    public static final int NAME_NOT_RESOLVED = 0x80072EE7;
    /** The errors after which the user's proxy is tried: proxy, connection and proxy-authentication failures. */
    private static final Set<Integer> FALLBACK_ERRORS = Set.of(CANNOT_CONNECT, NAME_NOT_RESOLVED, 0x80072EE2, 0x8024401B, 0x80190197);

    /** Where updates are scanned for. */
    public enum Source {
        MICROSOFT, WSUS;

        public String word() {
            return this == MICROSOFT ? "microsoft" : "wsus";
        }
    }

    /** How Windows Update got a proxy. */
    public enum Way {
        MACHINE, WPAD, USER;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What one attempt used and how it went.
     *
     * @param error the code Windows Update would log; 0 when it fits
     */
    public record Attempt(UpdateProxy proxy, Way way, boolean fits, int error) {}

    /**
     * The network as the baseline meets it.
     *
     * @param needs the route that gets out here (what the profiles call for)
     * @param wpad what WPAD finds here; empty when the network offers no WPAD script
     * @param user the signed-in user's proxy as it resolves here; empty when nobody is signed in
     */
    public record Network(UpdateProxy needs, Optional<UpdateProxy> wpad, Optional<UpdateProxy> user) {}

    private final UpdateProxy machine;
    private final Source source;
    private final boolean userFallbackPolicy;

    /**
     * @param machine the WinHTTP proxy the machine holds without wuproxy (direct, or one set once by IT)
     * @param userFallbackPolicy SetProxyBehaviorForUpdateDetection = 1 (applies to WSUS only)
     */
    public WindowsUpdateBaseline(UpdateProxy machine, Source source, boolean userFallbackPolicy) {
        this.machine = machine;
        this.source = source;
        this.userFallbackPolicy = userFallbackPolicy;
    }

    public UpdateProxy machine() {
        return machine;
    }

    /** The attempt a scan ends with: the system proxy's, or the user's after an error that allows the fallback. */
    public Attempt scan(Network network) {
        Attempt system = machine instanceof UpdateProxy.Fixed
                ? attempt(machine, Way.MACHINE, network)
                : attempt(network.wpad().orElse(UpdateProxy.direct()), network.wpad().isPresent() ? Way.WPAD : Way.MACHINE, network);
        boolean mayFallBack = source == Source.MICROSOFT || userFallbackPolicy;
        if (system.fits() || !mayFallBack || network.user().isEmpty() || !FALLBACK_ERRORS.contains(system.error())) {
            return system;
        }
        Attempt user = attempt(network.user().get(), Way.USER, network);
        return user.fits() ? user : system;
    }

    /** A Delivery Optimization download: the signed-in user's proxy, or the machine's with nobody signed in. */
    public Attempt download(Network network) {
        return network.user().isPresent() ? attempt(network.user().get(), Way.USER, network) : attempt(machine, Way.MACHINE, network);
    }

    private static Attempt attempt(UpdateProxy proxy, Way way, Network network) {
        if (sameRoute(proxy, network.needs())) {
            return new Attempt(proxy, way, true, 0);
        }
        // A proxy where the network needs none is, in practice, a name that does not resolve here.
        int error = proxy instanceof UpdateProxy.Fixed && !(network.needs() instanceof UpdateProxy.Fixed) ? NAME_NOT_RESOLVED : CANNOT_CONNECT;
        return new Attempt(proxy, way, false, error);
    }

    /** The same way out: both direct, or the same proxy server (bypass lists do not matter for the update hosts). */
    public static boolean sameRoute(UpdateProxy a, UpdateProxy b) {
        if (a instanceof UpdateProxy.Fixed fa && b instanceof UpdateProxy.Fixed fb) {
            return fa.server().equalsIgnoreCase(fb.server());
        }
        return a.equals(b);
    }
}
