package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.time.Instant;
import java.util.Optional;

/**
 * What the tray and {@code wuproxy status} show.
 *
 * @param profile the selected profile's name
 * @param basis rule, fallback, manual or sticky
 * @param why the selector's one-line reason
 * @param desired what the proxy should be; empty when it could not be worked out
 * @param network a short description of the network
 * @param lastSync when the proxy was last confirmed right
 */
public record SyncStatus(
        String profile,
        String basis,
        String why,
        Optional<UpdateProxy> desired,
        String network,
        boolean paused,
        Optional<Instant> lastSync) {}
