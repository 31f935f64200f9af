package io.github.wuproxy.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import io.github.wuproxy.core.problem.UpdateErrors;
import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.core.proxy.ProxyCheck.Outcome;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.ProxyVerifier;
import io.github.wuproxy.windows.win32.WinHttp;
import io.github.wuproxy.windows.win32.WinHttpTypes;
import java.time.Duration;

/**
 * Checks a proxy with WinHTTP, as Windows Update uses it: an HTTPS GET of the scan endpoint through
 * the proxy (reference §2.6), as the service's account, with no credentials set, so a proxy that
 * wants a password answers 407 here as it would to Windows Update.
 */
public final class WinHttpProxyVerifier implements ProxyVerifier {
    static final String HOST = "fe3cr.delivery.mp.microsoft.com";
    static final String PATH = "/ClientWebService/client.asmx";
    private final WinHttp winHttp;
    private final Duration timeout;

    WinHttpProxyVerifier(WinHttp winHttp, Duration timeout) {
        this.winHttp = winHttp;
        this.timeout = timeout;
    }

    public static WinHttpProxyVerifier open(Duration timeout) {
        return new WinHttpProxyVerifier(WinHttp.load(), timeout);
    }

    @Override
    public ProxyCheck check(UpdateProxy proxy) {
        WString server = proxy instanceof UpdateProxy.Fixed f ? new WString(f.server()) : null;
        WString bypass = proxy instanceof UpdateProxy.Fixed f && !f.bypass().isEmpty() ? new WString(f.bypass()) : null;
        int access = server == null ? WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY : WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY;
        Pointer session = winHttp.WinHttpOpen(new WString("wuproxy-verify"), access, server, bypass, 0);
        if (session == null) {
            return failedCall(proxy, "WinHttpOpen", Native.getLastError());
        }
        try {
            int ms = (int) timeout.toMillis();
            winHttp.WinHttpSetTimeouts(session, ms, ms, ms, ms);
            Pointer connection = winHttp.WinHttpConnect(session, new WString(HOST), (short) 443, 0);
            if (connection == null) {
                return failedCall(proxy, "WinHttpConnect", Native.getLastError());
            }
            try {
                return request(proxy, connection);
            } finally {
                winHttp.WinHttpCloseHandle(connection);
            }
        } finally {
            winHttp.WinHttpCloseHandle(session);
        }
    }

    private ProxyCheck request(UpdateProxy proxy, Pointer connection) {
        Pointer request = winHttp.WinHttpOpenRequest(connection, new WString("GET"), new WString(PATH), null, null, null,
                WinHttpTypes.WINHTTP_FLAG_SECURE);
        if (request == null) {
            return failedCall(proxy, "WinHttpOpenRequest", Native.getLastError());
        }
        try {
            if (!winHttp.WinHttpSendRequest(request, null, 0, null, 0, 0, null)) {
                return failedCall(proxy, "WinHttpSendRequest", Native.getLastError());
            }
            if (!winHttp.WinHttpReceiveResponse(request, null)) {
                return failedCall(proxy, "WinHttpReceiveResponse", Native.getLastError());
            }
            IntByReference status = new IntByReference();
            IntByReference size = new IntByReference(4);
            if (!winHttp.WinHttpQueryHeaders(request, WinHttpTypes.WINHTTP_QUERY_STATUS_CODE | WinHttpTypes.WINHTTP_QUERY_FLAG_NUMBER,
                    null, status, size, null)) {
                return failedCall(proxy, "WinHttpQueryHeaders", Native.getLastError());
            }
            return interpret(proxy, status.getValue());
        } finally {
            winHttp.WinHttpCloseHandle(request);
        }
    }

    /** Any answer from the server means the path works; 407 is the proxy's, and 502/504 a proxy's failure to get through. */
    static ProxyCheck interpret(UpdateProxy proxy, int status) {
        return switch (status) {
            case 407 -> ProxyCheck.failed(proxy, Outcome.AUTH_REQUIRED, "the proxy answered HTTP 407 (it wants a password)",
                    UpdateErrors.forHttpStatus(407));
            case 502, 504 -> ProxyCheck.failed(proxy, Outcome.REFUSED, "the proxy answered HTTP " + status + " (it could not reach "
                    + HOST + ")", UpdateErrors.forHttpStatus(status));
            default -> ProxyCheck.reached(proxy, "the Windows Update server answered HTTP " + status);
        };
    }

    /** A WinHTTP error, as the code Windows Update would log for it (12029 → 0x80072EFD). */
    static ProxyCheck failedCall(UpdateProxy proxy, String call, int error) {
        Outcome outcome = switch (error) {
            case 12002, 12007, 12029, 12030 -> Outcome.UNREACHABLE;
            default -> Outcome.REFUSED;
        };
        int hresult = 0x80070000 | error;
        String meaning = UpdateErrors.find(hresult).map(UpdateErrors.Entry::meaning).orElse("WinHTTP failed");
        return ProxyCheck.failed(proxy, outcome, meaning + " (" + call + ": " + Win32Errors.name(error) + ", " + error + ")", hresult);
    }
}
