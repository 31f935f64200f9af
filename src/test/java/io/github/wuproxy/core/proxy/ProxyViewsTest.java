package io.github.wuproxy.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mismatches `wuproxy diagnose` flags, each with what it breaks. */
class ProxyViewsTest {
    private static final UpdateProxy CORP = UpdateProxy.fixed("proxy.corp.example:8080", "<local>");
    private static final Map<String, String> BITS_DIRECT = Map.of("LocalSystem", "NO_PROXY", "NetworkService", "NO_PROXY",
            "LocalService", "NO_PROXY");

    private static ProxyViews views(Optional<UpdateProxy> winHttp, Optional<UpdateProxy> bits, Optional<UserProxySettings> user,
            Optional<UpdateProxy> desired, boolean fallbackPolicy, Optional<String> wsus) {
        return new ProxyViews(winHttp, Optional.of(winHttp), bits, bits.isPresent() ? BITS_DIRECT : Map.of(), user, desired, "corporate",
                fallbackPolicy, wsus);
    }

    private static List<String> whats(ProxyViews v) {
        return v.mismatches().stream().map(ProxyViews.Mismatch::what).toList();
    }

    @Test
    void agreeingStoresHaveNoMismatch() {
        assertEquals(List.of(), whats(views(Optional.of(UpdateProxy.direct()), Optional.of(UpdateProxy.direct()),
                Optional.of(UserProxySettings.DIRECT), Optional.of(UpdateProxy.direct()), false, Optional.empty())));
    }

    @Test
    void flagsScansAndDownloadsGoingDifferentWays() {
        assertEquals(List.of("scans use proxy.corp.example:8080 (bypass <local>) but BITS downloads use direct"),
                whats(views(Optional.of(CORP), Optional.of(UpdateProxy.direct()), Optional.empty(), Optional.of(CORP), false, Optional.empty())));
    }

    @Test
    void flagsAProxyThatNoLongerFitsTheProfile() {
        assertEquals(List.of("scans use direct but profile corporate wants proxy.corp.example:8080 (bypass <local>)"),
                whats(views(Optional.of(UpdateProxy.direct()), Optional.empty(), Optional.empty(), Optional.of(CORP), false, Optional.empty())));
    }

    @Test
    void flagsTheUsersScriptBesideDirectScansWithoutItsQuery() {
        var user = Optional.of(UserProxySettings.pac("http://wpad.corp.example/proxy.pac?token=s3cret"));
        assertEquals(List.of("scans use direct but your own settings use the setup script http://wpad.corp.example/proxy.pac?..."),
                whats(views(Optional.of(UpdateProxy.direct()), Optional.empty(), user, Optional.empty(), false, Optional.empty())));
    }

    @Test
    void flagsThePolicyThatHidesAFailingMachineProxy() {
        assertEquals(1, whats(views(Optional.of(CORP), Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty())).size());
    }

    @Test
    void flagsAnInternalWsusServerThatIsNotBypassed() {
        assertEquals(List.of("scans go to the WSUS server wsus.corp.example through proxy.corp.example:8080 (bypass <local>)"),
                whats(views(Optional.of(CORP), Optional.empty(), Optional.empty(), Optional.empty(), false,
                        Optional.of("https://wsus.corp.example:8531"))));
        var bypassed = UpdateProxy.fixed("proxy.corp.example:8080", "<local>;*.corp.example");
        assertEquals(List.of(), whats(views(Optional.of(bypassed), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.of("https://wsus.corp.example:8531"))));
    }

    @Test
    void flagsA32BitCopyThatDiffers() {
        var v = new ProxyViews(Optional.of(CORP), Optional.of(Optional.of(UpdateProxy.direct())), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), "corporate", false, Optional.empty());
        assertEquals(List.of("64-bit programs use proxy.corp.example:8080 (bypass <local>) but 32-bit programs use direct"), whats(v));
    }
}
