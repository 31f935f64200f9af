package io.github.wuproxy.windows;

import com.sun.jna.Native;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.windows.win32.WinHttp;
import io.github.wuproxy.windows.win32.WinHttpTypes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in user's WinINet proxy settings (WinHttpGetIEProxyConfigForCurrentUser). Only
 * meaningful in the user's own session: the tray reads them and hands them to the service.
 */
public final class WinHttpUserProxySource implements UserProxySource {
    private static final Logger log = LoggerFactory.getLogger(WinHttpUserProxySource.class);
    private final WinHttp winHttp;

    WinHttpUserProxySource(WinHttp winHttp) {
        this.winHttp = winHttp;
    }

    public static WinHttpUserProxySource open() {
        return new WinHttpUserProxySource(WinHttp.load());
    }

    @Override
    public Optional<UserProxySettings> current() {
        var config = new WinHttpTypes.WINHTTP_CURRENT_USER_IE_PROXY_CONFIG();
        if (!winHttp.WinHttpGetIEProxyConfigForCurrentUser(config)) {
            log.warn("{}", Win32Errors.describe("WinHttpGetIEProxyConfigForCurrentUser", Native.getLastError(), null));
            return Optional.empty();
        }
        config.read();
        String url = WideStrings.takeGlobal(config.lpszAutoConfigUrl);
        String proxy = WideStrings.takeGlobal(config.lpszProxy);
        String bypass = WideStrings.takeGlobal(config.lpszProxyBypass);
        return interpret(config.fAutoDetect != 0, url, proxy, bypass);
    }

    /** Empty when a setting is one WinHTTP could not use (the engine then reports the profile unresolved). */
    static Optional<UserProxySettings> interpret(boolean autoDetect, String pacUrl, String proxy, String bypass) {
        try {
            Optional<UpdateProxy.Fixed> manual = proxy == null || proxy.isBlank()
                    ? Optional.empty() : Optional.of(UpdateProxy.fixed(proxy, bypass == null ? "" : bypass));
            return Optional.of(new UserProxySettings(autoDetect, Optional.ofNullable(pacUrl), manual));
        } catch (IllegalArgumentException e) {
            log.warn("the user's proxy settings cannot be used for Windows Update: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
