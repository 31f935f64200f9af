package io.github.wuproxy.port;

import java.util.Optional;

/**
 * Group Policy settings that change how Windows Update uses proxies, for diagnostics.
 *
 * @param userProxyFallback SetProxyBehaviorForUpdateDetection = 1: scans may fall back to the user's proxy
 * @param wsusServer WUServer when a WSUS server is configured and UseWUServer = 1
 */
public record UpdatePolicy(boolean userProxyFallback, Optional<String> wsusServer) {
    public static final UpdatePolicy NONE = new UpdatePolicy(false, Optional.empty());
}
