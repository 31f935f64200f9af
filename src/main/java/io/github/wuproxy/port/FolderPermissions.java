package io.github.wuproxy.port;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Who else may write a folder the privileged service reads profiles from: a profile decides the
 * machine's proxy, so only administrators may be able to place one.
 */
public interface FolderPermissions {
    /** Why users other than administrators may write {@code folder}, or empty when they cannot (or it does not exist). */
    Optional<String> othersMayWrite(Path folder);

    /**
     * Creates {@code folder} if needed and makes it, and what is created in it, writable by
     * administrators (and SYSTEM) only, readable by users: the service's data folder.
     */
    void restrictToAdministrators(Path folder) throws java.io.IOException;
}
