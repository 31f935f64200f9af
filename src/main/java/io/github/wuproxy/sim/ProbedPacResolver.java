package io.github.wuproxy.sim;

import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.PacException;
import io.github.wuproxy.port.PacResolver;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PAC answers as a snapshot recorded them ({@code "pac": {url: "PROXY host:port; DIRECT"}}); WPAD
 * finds the first script whose host starts with {@code wpad.}.
 */
public final class ProbedPacResolver implements PacResolver {
    /** Said with every miss: the live agent off Windows uses this resolver too, and must not seem to have tried a download. */
    static final String OFF_WINDOWS = "off Windows wuproxy neither downloads nor runs setup scripts: PAC and WPAD answers come from "
            + "recorded snapshots only, their \"pac\" key";

    @Override
    public UpdateProxy resolve(Optional<String> pacUrl, NetworkLocation at) throws PacException {
        Map<String, String> answers = at.probes().pac();
        String answer;
        if (pacUrl.isPresent()) {
            answer = answers.get(pacUrl.get());
            if (answer == null) {
                throw new PacException("no answer of this script is recorded for this network (" + OFF_WINDOWS + ")");
            }
        } else {
            answer = answers.entrySet().stream()
                    .filter(e -> e.getKey().toLowerCase(Locale.ROOT).matches("https?://wpad\\..*"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new PacException("no WPAD script was found (ERROR_WINHTTP_AUTODETECTION_FAILED, 12180; " + OFF_WINDOWS + ")"));
        }
        return PacAnswer.parse(answer);
    }

    /** What WPAD finds at {@code at}: its {@code wpad.*} script's answer; empty when there is none or it names no usable proxy. */
    public static Optional<UpdateProxy> wpad(NetworkLocation at) {
        try {
            return Optional.of(new ProbedPacResolver().resolve(Optional.empty(), at));
        } catch (PacException e) {
            return Optional.empty();
        }
    }
}
