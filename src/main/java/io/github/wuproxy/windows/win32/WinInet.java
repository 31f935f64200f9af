package io.github.wuproxy.windows.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.win32.StdCallLibrary;

/** Functions exported by wininet.dll. Each returns FALSE on failure with the reason in GetLastError. */
public interface WinInet extends StdCallLibrary, WinInetTypes {
    /** Loads wininet.dll; only on Windows. */
    static WinInet load() {
        return Native.load("wininet", WinInet.class);
    }

    /**
     * InternetSetOptionW (Microsoft Learn: wininet/nf-wininet-internetsetoptionw). With a NULL handle and
     * INTERNET_OPTION_PER_CONNECTION_OPTION it sets the caller's own proxy settings (the machine's under
     * ProxySettingsPerUser = 0, which needs administrator rights); SETTINGS_CHANGED and REFRESH take no buffer.
     */
    boolean InternetSetOptionW(Pointer hInternet, int dwOption, Pointer lpBuffer, int dwBufferLength);
}
