package io.github.wuproxy.windows.win32;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.Union;

/**
 * Structures and constants from wininet.h for the per-connection proxy options. Loads no DLL, so
 * layout tests run on any OS; sizes and offsets are pinned against mingw-w64's headers by {@code Win32LayoutTest}.
 */
public interface WinInetTypes {
    int INTERNET_OPTION_REFRESH = 37;
    int INTERNET_OPTION_SETTINGS_CHANGED = 39;
    int INTERNET_OPTION_PER_CONNECTION_OPTION = 75;

    int INTERNET_PER_CONN_FLAGS = 1;
    int INTERNET_PER_CONN_PROXY_SERVER = 2;
    int INTERNET_PER_CONN_PROXY_BYPASS = 3;
    int INTERNET_PER_CONN_AUTOCONFIG_URL = 4;

    int PROXY_TYPE_DIRECT = 0x1;
    int PROXY_TYPE_PROXY = 0x2;
    int PROXY_TYPE_AUTO_PROXY_URL = 0x4;
    int PROXY_TYPE_AUTO_DETECT = 0x8;

    /**
     * INTERNET_PER_CONN_OPTIONW (Microsoft Learn: wininet/ns-wininet-internet_per_conn_optiona): one
     * option and its value. Strings passed in are the caller's memory.
     */
    @FieldOrder({"dwOption", "Value"})
    class INTERNET_PER_CONN_OPTIONW extends Structure {
        public int dwOption;
        public VALUE Value;

        /** The value: a DWORD (the flags), a wide string, or a FILETIME (unused here). */
        public static class VALUE extends Union {
            public int dwValue;
            public Pointer pszValue;
            public long ftValue;
        }
    }

    /**
     * INTERNET_PER_CONN_OPTION_LISTW (Microsoft Learn: wininet/ns-wininet-internet_per_conn_option_lista):
     * the options of one connection; {@code pszConnection} NULL means the LAN ("default") settings.
     */
    @FieldOrder({"dwSize", "pszConnection", "dwOptionCount", "dwOptionError", "pOptions"})
    class INTERNET_PER_CONN_OPTION_LISTW extends Structure {
        public int dwSize;
        public Pointer pszConnection;
        public int dwOptionCount;
        public int dwOptionError;
        public Pointer pOptions;
    }
}
