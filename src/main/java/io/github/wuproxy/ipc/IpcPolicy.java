package io.github.wuproxy.ipc;

import java.util.Set;

/**
 * Which local users may use the channel, by the name the operating system vouches for.
 *
 * @param choosers may read the status and choose profiles
 * @param admins may also pause, resume and reload
 */
public record IpcPolicy(Set<String> choosers, Set<String> admins) {
    public IpcPolicy {
        choosers = Set.copyOf(choosers);
        admins = Set.copyOf(admins);
    }

    /** The user the agent runs as, and root / SYSTEM, may do everything; nobody else may do anything. */
    public static IpcPolicy ownerOnly(String owner) {
        Set<String> both = new java.util.HashSet<>(Set.of("root"));
        both.add(owner);
        return new IpcPolicy(both, both);
    }

    public boolean allows(String user, IpcProtocol.Right right) {
        return switch (right) {
            case READ, CHOOSE -> choosers.contains(user) || admins.contains(user);
            case ADMIN -> admins.contains(user);
        };
    }
}
