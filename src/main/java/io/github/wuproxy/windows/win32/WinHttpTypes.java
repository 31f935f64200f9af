package io.github.wuproxy.windows.win32;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * Structures and constants from winhttp.h. Loads no DLL, so layout tests run on any OS.
 * Sizes and offsets are pinned against mingw-w64's headers by {@code WinHttpTypesLayoutTest}.
 */
public interface WinHttpTypes {
    int WINHTTP_ACCESS_TYPE_DEFAULT_PROXY = 0;
    int WINHTTP_ACCESS_TYPE_NO_PROXY = 1;
    int WINHTTP_ACCESS_TYPE_NAMED_PROXY = 3;
    int WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY = 4;

    int WINHTTP_AUTOPROXY_AUTO_DETECT = 0x1;
    int WINHTTP_AUTOPROXY_CONFIG_URL = 0x2;
    int WINHTTP_AUTO_DETECT_TYPE_DHCP = 0x1;
    int WINHTTP_AUTO_DETECT_TYPE_DNS_A = 0x2;

    int WINHTTP_FLAG_SECURE = 0x00800000;
    int WINHTTP_QUERY_STATUS_CODE = 19;
    int WINHTTP_QUERY_FLAG_NUMBER = 0x20000000;

    int ERROR_WINHTTP_TIMEOUT = 12002;
    int ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT = 12167;
    int ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT = 12166;
    int ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR = 12178;
    int ERROR_WINHTTP_AUTODETECTION_FAILED = 12180;

    /**
     * WINHTTP_PROXY_INFO (Microsoft Learn: winhttp/ns-winhttp-winhttp_proxy_info). Strings WinHTTP
     * returns in it are freed by the caller with GlobalFree; strings passed in are the caller's memory.
     */
    @FieldOrder({"dwAccessType", "lpszProxy", "lpszProxyBypass"})
    class WINHTTP_PROXY_INFO extends Structure {
        public int dwAccessType;
        public Pointer lpszProxy;
        public Pointer lpszProxyBypass;
    }

    /**
     * WINHTTP_CURRENT_USER_IE_PROXY_CONFIG (Microsoft Learn: winhttp/ns-winhttp-winhttp_current_user_ie_proxy_config).
     * The caller frees each non-null string with GlobalFree.
     */
    @FieldOrder({"fAutoDetect", "lpszAutoConfigUrl", "lpszProxy", "lpszProxyBypass"})
    class WINHTTP_CURRENT_USER_IE_PROXY_CONFIG extends Structure {
        /** BOOL. */
        public int fAutoDetect;
        public Pointer lpszAutoConfigUrl;
        public Pointer lpszProxy;
        public Pointer lpszProxyBypass;
    }

    /** WINHTTP_AUTOPROXY_OPTIONS (Microsoft Learn: winhttp/ns-winhttp-winhttp_autoproxy_options). Caller's memory. */
    @FieldOrder({"dwFlags", "dwAutoDetectFlags", "lpszAutoConfigUrl", "lpvReserved", "dwReserved", "fAutoLogonIfChallenged"})
    class WINHTTP_AUTOPROXY_OPTIONS extends Structure {
        public int dwFlags;
        public int dwAutoDetectFlags;
        public Pointer lpszAutoConfigUrl;
        /** Must be NULL. */
        public Pointer lpvReserved;
        /** Must be 0. */
        public int dwReserved;
        /** BOOL. */
        public int fAutoLogonIfChallenged;
    }
}
