package io.github.wuproxy.ipc;

import io.github.wuproxy.port.AgentRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.wuproxy.port.Policy;
import java.util.Optional;
import java.util.Set;

/**
 * Which local users may use the channel, by the name the operating system vouches for.
 *
 * @param choosers may read the status and choose profiles
 * @param admins may also pause, resume and reload
 */
public record IpcPolicy(Set<String> choosers, Set<String> admins) {
    /** Callers identified by the admin or the choose token (where the OS cannot name them). */
    public static final String TOKEN_ADMIN = "(holder of the admin token)";
    public static final String TOKEN_CHOOSER = "(holder of the choose token)";

    public IpcPolicy {
        choosers = Set.copyOf(choosers);
        admins = Set.copyOf(admins);
    }

    /**
     * The user the agent runs as and root may do everything; on Windows, where tokens stand for
     * callers, interactive users (the choose token) may choose and administrators (the admin token) everything.
     */
    public static IpcPolicy ownerOnly(String owner) {
        Set<String> admins = new java.util.HashSet<>(Set.of("root", TOKEN_ADMIN));
        admins.add(owner);
        return new IpcPolicy(Set.of(TOKEN_CHOOSER), admins);
    }

    public boolean allows(String user, IpcProtocol.Right right) {
        return switch (right) {
            case READ, CHOOSE -> choosers.contains(user) || admins.contains(user);
            case ADMIN -> admins.contains(user);
        };
    }

    /**
     * The right check for one request: the right {@code op} needs, and for everyone but administrators
     * the organisation's lock on choosing profiles.
     */
    public void check(String user, IpcProtocol.Op op, JsonNode request, Policy organisation) throws AgentRefusal {
        if (!allows(user, op.right)) {
            throw new AgentRefusal(AgentRefusal.Kind.NOT_ALLOWED, "user " + user + " may not ask the agent for `" + op.word + "`" + (op.right == IpcProtocol.Right.ADMIN
                    ? ": only administrators may pause, resume, set, reload or remember" : ": not allowed by the agent's policy"),
                    AgentRefusal.Why.of(op.right == IpcProtocol.Right.ADMIN ? "user-admins-only" : "user-not-allowed", user, op.word));
        }
        if (op.choosesProfile && !admins.contains(user)) {
            Optional<AgentRefusal.Why> managed = op == IpcProtocol.Op.USE ? organisation.choiceRefusal(request.path("profile").asText(""))
                    : organisation.locked() ? Optional.of(Policy.CHOICE_LOCKED) : Optional.empty();
            if (managed.isPresent()) {
                throw new AgentRefusal(AgentRefusal.Kind.MANAGED, Policy.english(managed.get()), managed.get());
            }
        }
    }
}
