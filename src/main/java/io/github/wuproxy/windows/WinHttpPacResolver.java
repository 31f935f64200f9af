package io.github.wuproxy.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.PacException;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.windows.win32.WinHttp;
import io.github.wuproxy.windows.win32.WinHttpTypes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs a PAC script or WPAD through WinHTTP (WinHttpGetProxyForUrl) for the Windows Update scan
 * host and turns the answer into one proxy or direct. Timeouts keep a dead script server from
 * stalling the engine.
 */
public final class WinHttpPacResolver implements PacResolver {
    /** Windows Update's scan endpoint (reference §9); the PAC decides per URL. */
    static final List<String> UPDATE_URLS = List.of("https://fe3cr.delivery.mp.microsoft.com/ClientWebService/client.asmx");
    private final WinHttp winHttp;
    private final Duration timeout;

    WinHttpPacResolver(WinHttp winHttp, Duration timeout) {
        this.winHttp = winHttp;
        this.timeout = timeout;
    }

    public static WinHttpPacResolver open(Duration timeout) {
        return new WinHttpPacResolver(WinHttp.load(), timeout);
    }

    @Override
    public UpdateProxy resolve(Optional<String> pacUrl, NetworkLocation at) throws PacException {
        Pointer session = winHttp.WinHttpOpen(new WString("wuproxy"), WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY, null, null, 0);
        if (session == null) {
            throw new PacException(Win32Errors.describe("WinHttpOpen", Native.getLastError(), null));
        }
        try {
            int ms = (int) timeout.toMillis();
            winHttp.WinHttpSetTimeouts(session, ms, ms, ms, ms);
            var options = new WinHttpTypes.WINHTTP_AUTOPROXY_OPTIONS();
            var url = pacUrl.map(WideStrings::of).orElse(null);
            if (url != null) {
                options.dwFlags = WinHttpTypes.WINHTTP_AUTOPROXY_CONFIG_URL;
                options.lpszAutoConfigUrl = url;
            } else {
                options.dwFlags = WinHttpTypes.WINHTTP_AUTOPROXY_AUTO_DETECT;
                options.dwAutoDetectFlags = WinHttpTypes.WINHTTP_AUTO_DETECT_TYPE_DHCP | WinHttpTypes.WINHTTP_AUTO_DETECT_TYPE_DNS_A;
            }
            // No credentials: the service probes as SYSTEM, as Windows Update does.
            options.fAutoLogonIfChallenged = 0;
            var result = new WinHttpTypes.WINHTTP_PROXY_INFO();
            boolean ok = winHttp.WinHttpGetProxyForUrl(session, new WString(UPDATE_URLS.get(0)), options, result);
            int error = Native.getLastError();
            java.lang.ref.Reference.reachabilityFence(url);
            if (!ok) {
                throw new PacException(Win32Errors.describe("WinHttpGetProxyForUrl", error, null));
            }
            result.read();
            String proxy = WideStrings.takeGlobal(result.lpszProxy);
            String bypass = WideStrings.takeGlobal(result.lpszProxyBypass);
            return interpret(result.dwAccessType, proxy, bypass);
        } finally {
            winHttp.WinHttpCloseHandle(session);
        }
    }

    /** A PAC may name several proxies ("p1:80; p2:80"): WinHTTP tries them in order, wuproxy keeps the first. */
    static UpdateProxy interpret(int accessType, String proxy, String bypass) throws PacException {
        if (accessType != WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY || proxy == null || proxy.isBlank()) {
            return UpdateProxy.direct();
        }
        String first = proxy.strip().split("[;\\s]+")[0];
        try {
            return UpdateProxy.fixed(first, bypass == null || bypass.isBlank() ? "<local>" : bypass);
        } catch (IllegalArgumentException e) {
            throw new PacException("the script named a proxy Windows Update cannot use: " + e.getMessage());
        }
    }
}
