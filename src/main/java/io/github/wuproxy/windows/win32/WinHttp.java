package io.github.wuproxy.windows.win32;

import io.github.wuproxy.format.WinHttpSettings;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * Functions exported by winhttp.dll (not mapped by jna-platform). Each returns FALSE (or NULL) on
 * failure with the reason in GetLastError; read it with {@code Native.getLastError()} at once.
 */
public interface WinHttp extends StdCallLibrary, WinHttpTypes {
    /** Loads winhttp.dll; only on Windows. */
    static WinHttp load() {
        return Native.load("winhttp", WinHttp.class, W32APIOptions.UNICODE_OPTIONS);
    }

    /** WinHttpGetDefaultProxyConfiguration: the machine-wide proxy; the caller GlobalFrees the strings. */
    boolean WinHttpGetDefaultProxyConfiguration(WINHTTP_PROXY_INFO pProxyInfo);

    /** WinHttpSetDefaultProxyConfiguration: writes WinHttpSettings in HKLM; needs administrator or SYSTEM. */
    boolean WinHttpSetDefaultProxyConfiguration(WINHTTP_PROXY_INFO pProxyInfo);

    /** WinHttpGetIEProxyConfigForCurrentUser: the caller's WinINet settings; the caller GlobalFrees the strings. */
    boolean WinHttpGetIEProxyConfigForCurrentUser(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG pProxyConfig);

    /** WinHttpOpen: a session handle, closed with WinHttpCloseHandle; NULL on failure. */
    Pointer WinHttpOpen(WString pszAgentW, int dwAccessType, WString pszProxyW, WString pszProxyBypassW, int dwFlags);

    boolean WinHttpCloseHandle(Pointer hInternet);

    /** WinHttpSetTimeouts in milliseconds; 0 resolve timeout means infinite. */
    boolean WinHttpSetTimeouts(Pointer hInternet, int nResolveTimeout, int nConnectTimeout, int nSendTimeout, int nReceiveTimeout);

    /** WinHttpConnect: a connection handle for one server; nServerPort is an INTERNET_PORT (WORD). */
    Pointer WinHttpConnect(Pointer hSession, WString pswzServerName, short nServerPort, int dwReserved);

    /** WinHttpOpenRequest: a request handle; ppwszAcceptTypes NULL for none. */
    Pointer WinHttpOpenRequest(Pointer hConnect, WString pwszVerb, WString pwszObjectName, WString pwszVersion, WString pwszReferrer,
            Pointer ppwszAcceptTypes, int dwFlags);

    /** WinHttpSendRequest, synchronous; dwContext is a DWORD_PTR, passed as NULL. */
    boolean WinHttpSendRequest(Pointer hRequest, WString lpszHeaders, int dwHeadersLength, Pointer lpOptional, int dwOptionalLength,
            int dwTotalLength, Pointer dwContext);

    boolean WinHttpReceiveResponse(Pointer hRequest, Pointer lpReserved);

    /** WinHttpQueryHeaders with WINHTTP_QUERY_FLAG_NUMBER: the value as a DWORD in lpBuffer. */
    boolean WinHttpQueryHeaders(Pointer hRequest, int dwInfoLevel, WString pwszName, IntByReference lpBuffer,
            IntByReference lpdwBufferLength, IntByReference lpdwIndex);

    /** WinHttpGetProxyForUrl: runs a PAC or WPAD for one URL; the caller GlobalFrees the strings in pProxyInfo. */
    boolean WinHttpGetProxyForUrl(Pointer hSession, WString lpcwszUrl, WINHTTP_AUTOPROXY_OPTIONS pAutoProxyOptions,
            WINHTTP_PROXY_INFO pProxyInfo);
}
