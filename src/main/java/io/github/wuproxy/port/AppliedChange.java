package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;

/**
 * A change wuproxy made: what the proxy was, what it is now, and for which profile.
 *
 * @param before empty when the old value was in a form wuproxy does not understand
 */
public record AppliedChange(String profile, String why, Optional<UpdateProxy> before, UpdateProxy after, boolean winHttp, boolean bits,
        boolean serviceRestarted) {}
