package io.github.wuproxy.port;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;

/** Evaluates a PAC script, or WPAD, for the Windows Update host names and gives one proxy or direct. */
public interface PacResolver {
    /** {@code pacUrl} empty means auto-detect (WPAD). */
    UpdateProxy resolve(Optional<String> pacUrl, NetworkLocation at) throws PacException;
}
