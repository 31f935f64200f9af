package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;

/**
 * What {@code set}, {@code reset} and {@code import} did, as data: the CLI says it in the user's language,
 * {@link #english()} is the log's and the channel's {@code message}.
 *
 * @param changed false when Windows held {@code proxy} already and nothing was written
 * @param before what Windows held before; empty when unknown
 * @param restarted Windows Update was restarted to use it
 * @param paused the agent set it and is paused until {@code resume}
 */
public record ProxySetAnswer(UpdateProxy proxy, boolean changed, Optional<UpdateProxy> before, boolean restarted, boolean paused) {
    public String english() {
        String done = !changed ? "The Windows Update proxy is " + proxy.describe() + " already; nothing was changed."
                : "Windows Update proxy set to " + proxy.describe() + " (was " + before.map(UpdateProxy::describe).orElse("unknown") + ")"
                        + (restarted ? "; Windows Update was restarted to use it." : ".");
        return paused ? done + " wuproxy is paused until `wuproxy resume`." : done;
    }
}
