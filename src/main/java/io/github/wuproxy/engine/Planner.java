package io.github.wuproxy.engine;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.profile.ManualChoice;
import io.github.wuproxy.core.profile.Profile;
import io.github.wuproxy.core.profile.ProfileSelector;
import io.github.wuproxy.core.profile.ProfileSet;
import io.github.wuproxy.core.profile.Reason;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.profile.Situation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.port.UserProxySource;
import io.github.wuproxy.port.UserProxyStatus;
import java.util.Optional;

/**
 * Situation to decision: the profile for this network (or the one chosen by hand) and the proxy it
 * asks for here, without verifying or writing anything. The engine, {@code diagnose} and
 * {@code simulate} all decide through this one class.
 */
public final class Planner {
    private final ProfileSet profiles;
    private final ProfileSelector selector;
    private final ProxyResolution resolution;
    private final UserProxySource user;
    private final ProbeRequest probes;
    /** The last plan of the user's proxy, asked for at every status; one immutable value, so a racing reader sees a whole one. */
    private UserProxyPlanned lastUserProxy;

    private record UserProxyPlanned(Profile profile, Optional<UpdateProxy> proxy, UserProxyStatus status) {}

    public Planner(ProfileSet profiles, UserProxySource user, PacResolver pac) {
        this.profiles = profiles;
        this.selector = new ProfileSelector(profiles);
        this.resolution = new ProxyResolution(user, pac);
        this.user = user;
        this.probes = ProbeRequests.of(profiles);
    }

    public Desired plan(NetworkLocation location, Optional<ManualChoice> manual) {
        Selection selection = selector.select(new Situation(location, user.current()), manual);
        Desired desired = resolution.resolve(selection, location);
        return location.captivePortal() ? behindCaptivePortal(desired) : desired;
    }

    /** The user's own proxy this decision asks for, beside what the user holds now. */
    public UserProxyStatus userProxy(Desired desired) {
        Optional<UserProxySettings> held = user.current();
        UserProxyPlanned last = lastUserProxy;
        if (last != null && last.profile == desired.selection().profile() && last.proxy.equals(desired.proxy())
                && last.status.held().equals(held)) {
            return last.status;
        }
        UserProxyStatus planned = UserProxyPlan.plan(desired, held);
        lastUserProxy = new UserProxyPlanned(desired.selection().profile(), desired.proxy(), planned);
        return planned;
    }

    public ProfileSet profiles() {
        return profiles;
    }

    /** The active probes the profiles' rules need. */
    public ProbeRequest probes() {
        return probes;
    }

    /** Behind a portal nothing but the sign-in page answers: Windows Update stays direct until then. */
    private static Desired behindCaptivePortal(Desired desired) {
        Selection s = desired.selection();
        Selection portal = new Selection(s.profile(), s.basis(), Reason.of(Reason.Kind.CAPTIVE_PORTAL), s.manualExpired());
        return Desired.of(portal, UpdateProxy.direct(), "");
    }
}
