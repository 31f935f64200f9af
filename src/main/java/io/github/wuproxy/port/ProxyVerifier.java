package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.ProxyCheck;
import io.github.wuproxy.core.proxy.UpdateProxy;

/**
 * Tries to reach the Windows Update servers through a proxy, or directly, the way Windows Update
 * would: as the service, with no user's credentials, within a short timeout. Never throws: every
 * failure is an outcome.
 */
public interface ProxyVerifier {
    ProxyCheck check(UpdateProxy proxy);
}
