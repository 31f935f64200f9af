package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UserProxySettings;
import java.util.Optional;

/** The signed-in user's own proxy settings; the tray reads them in the user's session and hands them over. */
public interface UserProxySource {
    /** Empty when no user's settings are known (nobody signed in, or the tray has not reported yet). */
    Optional<UserProxySettings> current();
}
