package io.github.wuproxy.engine;

import io.github.wuproxy.core.problem.Problem;
import io.github.wuproxy.core.profile.Selection;
import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Optional;

/**
 * The selected profile and the proxy it asks for here, or the problem that kept it from being worked out.
 *
 * @param note how the proxy was resolved, when that is worth saying ("setup script gave DIRECT")
 */
public record Desired(Selection selection, Optional<UpdateProxy> proxy, String note, Optional<Problem> problem) {
    public static Desired of(Selection selection, UpdateProxy proxy, String note) {
        return new Desired(selection, Optional.of(proxy), note, Optional.empty());
    }

    public static Desired unresolved(Selection selection, Problem problem) {
        return new Desired(selection, Optional.empty(), "", Optional.of(problem));
    }
}
