package io.github.wuproxy.sim;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileSelector;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.profile.ProxySource;
import io.github.wuproxy.core.profile.Situation;
import io.github.wuproxy.core.profile.Verification;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.PacException;
import java.util.Optional;

/**
 * What the profiles call for on a network, worked out apart from the engine: the core's profile
 * selection is shared, but the proxy source, setup scripts, WPAD, the user's settings, a captive
 * portal and {@code verify = required} are read here straight from the snapshot and the timeline, so
 * a scan's {@code fits} does not take the engine's word for it.
 */
final class ReferenceEvaluation {
    private final ProfileSelector selector;
    private final SimulatedProxyVerifier verifier;

    ReferenceEvaluation(ProfileSet profiles, SimulatedProxyVerifier verifier) {
        this.selector = new ProfileSelector(profiles);
        this.verifier = verifier;
    }

    /** The proxy the profiles call for; empty when it cannot be worked out (the user's settings unknown, a script unanswered, no verified proxy). */
    Optional<UpdateProxy> expected(NetworkLocation location, Optional<UserProxySettings> user, Optional<ManualChoice> manual,
            Optional<UpdateProxy> wpad) {
        Profile profile = selector.select(new Situation(location, user), manual).profile();
        if (location.captivePortal()) {
            return Optional.of(UpdateProxy.direct());
        }
        ProxySource source = profile.source();
        Optional<UpdateProxy> proxy;
        if (source instanceof ProxySource.Direct) {
            proxy = Optional.of(UpdateProxy.direct());
        } else if (source instanceof ProxySource.Fixed fixed) {
            proxy = Optional.of(fixed.proxy());
        } else if (source instanceof ProxySource.Pac pac) {
            proxy = script(location, pac.url());
        } else if (source instanceof ProxySource.AutoDetect) {
            proxy = Optional.of(wpad.orElse(UpdateProxy.direct()));
        } else {
            proxy = user.isPresent() ? Optional.of(usersProxy(user.get(), location, wpad)) : Optional.empty();
        }
        return proxy.isPresent() ? verified(profile.verification(), proxy.get()) : Optional.empty();
    }

    /** The signed-in user's own settings as they resolve here: detection, then the script, then the proxy server, else direct. */
    static UpdateProxy usersProxy(UserProxySettings settings, NetworkLocation location, Optional<UpdateProxy> wpad) {
        if (settings.autoDetect() && wpad.isPresent()) {
            return wpad.get();
        }
        Optional<UpdateProxy> fromScript = settings.pacUrl().isPresent() ? script(location, settings.pacUrl().get()) : Optional.empty();
        if (fromScript.isPresent()) {
            return fromScript.get();
        }
        return settings.manual().isPresent() ? settings.manual().get() : UpdateProxy.direct();
    }

    private static Optional<UpdateProxy> script(NetworkLocation location, String url) {
        String answer = location.probes().pac().get(url);
        try {
            return answer == null ? Optional.empty() : Optional.of(PacAnswer.parse(answer));
        } catch (PacException e) {
            return Optional.empty();
        }
    }

    private Optional<UpdateProxy> verified(Verification verification, UpdateProxy proxy) {
        if (verification.mode() != Verification.Mode.REQUIRED || verifier.check(proxy).reached()) {
            return Optional.of(proxy);
        }
        return verification.fallback().stream().filter(p -> verifier.check(p).reached()).findFirst();
    }
}
