package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UserProxySettings;

/**
 * The signed-in user's own proxy settings (WinINet: Settings › Proxy), which Delivery Optimization
 * downloads use. Written in the user's own session by the tray; the service never writes another
 * user's settings. Under ProxySettingsPerUser = 0 they are the machine's, and the service writes them.
 */
public interface UserProxyWriter {
    UserProxySnapshot read() throws StoreException;

    /** Sets them and tells running programs (WinINet's SETTINGS_CHANGED and REFRESH). */
    void write(UserProxySettings settings) throws StoreException;

    /** Puts back settings exactly as {@link #read()} returned them. */
    void restore(UserProxySnapshot original) throws StoreException;
}
