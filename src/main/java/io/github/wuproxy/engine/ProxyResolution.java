package io.github.wuproxy.engine;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.problem.ProblemCode;
import io.github.wuproxy.core.problem.Severity;
import io.github.wuproxy.core.profile.ProxySource;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.PacUrls;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.port.PacException;
import io.github.wuproxy.port.PacResolver;
import io.github.wuproxy.port.UserProxySource;
import java.util.Optional;

/** Turns a selected profile's proxy source into the proxy Windows Update should use here. */
final class ProxyResolution {
    private final UserProxySource user;
    private final PacResolver pac;

    ProxyResolution(UserProxySource user, PacResolver pac) {
        this.user = user;
        this.pac = pac;
    }

    Desired resolve(Selection selection, NetworkLocation location) {
        ProxySource source = selection.profile().source();
        if (source instanceof ProxySource.Direct) {
            return Desired.of(selection, UpdateProxy.direct(), "");
        }
        if (source instanceof ProxySource.Fixed fixed) {
            return Desired.of(selection, fixed.proxy(), "");
        }
        if (source instanceof ProxySource.Pac script) {
            try {
                return Desired.of(selection, pac.resolve(Optional.of(script.url()), location), note(FROM, script.url()));
            } catch (PacException e) {
                return Desired.unresolved(selection, unresolved(selection, "the setup script " + PacUrls.safe(script.url())
                        + " gave no answer: " + e.getMessage(), "check that the script is reachable on this network, or choose another profile"));
            }
        }
        if (source instanceof ProxySource.AutoDetect) {
            try {
                return Desired.of(selection, pac.resolve(Optional.empty(), location), "from automatic detection (WPAD)");
            } catch (PacException e) {
                // As WinHTTP does: no WPAD answer means direct.
                return Desired.of(selection, UpdateProxy.direct(), "automatic detection found no proxy (" + e.getMessage() + ")");
            }
        }
        return followUser(selection, location);
    }

    private Desired followUser(Selection selection, NetworkLocation location) {
        Optional<UserProxySettings> settings = user.current();
        if (settings.isEmpty()) {
            return Desired.unresolved(selection, unresolved(selection,
                    "the signed-in user's own proxy settings are not known: no tray has handed them over yet, or they name a "
                            + "proxy WinHTTP cannot use (the log says which)",
                    "sign in and start the wuproxy tray in your session, or fix the proxy in Settings > Network & Internet > Proxy"));
        }
        UserProxySettings s = settings.get();
        String failures = "";
        if (s.autoDetect()) {
            try {
                return Desired.of(selection, pac.resolve(Optional.empty(), location), "your settings: automatic detection");
            } catch (PacException e) {
                failures = "automatic detection found nothing; ";
            }
        }
        if (s.pacUrl().isPresent()) {
            try {
                String script = note(YOUR_SCRIPT, s.pacUrl().get());
                return Desired.of(selection, pac.resolve(s.pacUrl(), location), failures.isEmpty() ? script : failures + script);
            } catch (PacException e) {
                failures += "your setup script gave no answer; ";
            }
        }
        if (s.manual().isPresent()) {
            return Desired.of(selection, s.manual().get(), failures + "your proxy server setting");
        }
        return Desired.of(selection, UpdateProxy.direct(), failures + "your settings: direct");
    }

    private static final String FROM = "from ";
    private static final String YOUR_SCRIPT = "your setup script ";
    /** The last notes made of a script's URL, its secrets left out: every round of a laptop on a PAC network makes one. */
    private final Note[] notes = new Note[4];
    private int nextNote;

    /** Final fields: a thread that sees a note sees all of it. */
    private record Note(String prefix, String url, String text) {}

    private String note(String prefix, String url) {
        for (Note known : notes) {
            if (known != null && known.prefix == prefix && known.url.equals(url)) {
                return known.text;
            }
        }
        Note note = new Note(prefix, url, prefix + PacUrls.safe(url));
        notes[nextNote] = note;
        nextNote = (nextNote + 1) % notes.length;
        return note.text;
    }

    private static Problem unresolved(Selection selection, String why, String whatToDo) {
        return new Problem(ProblemCode.PROXY_UNRESOLVED, Severity.ERROR,
                "Could not work out the Windows Update proxy for profile " + selection.profile().name(), why,
                whatToDo + "; until then the proxy stays as it is");
    }
}
