package io.github.wuproxy.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who else may write a folder the privileged service keeps its files in or reads profiles from: a
 * profile or a planted "backup" decides the machine's proxy, so only the service's own account and
 * administrators may be able to place one.
 */
public interface FolderPermissions {
    /**
     * Why another user could change what is in {@code folder}: it, or a folder above it up to one
     * owned by root or Administrators, is owned or writable by someone else, or it is a link. Empty
     * when it is safe or does not exist. The text ends with the command that fixes it.
     */
    Optional<String> othersMayWrite(Path folder);

    /**
     * Creates {@code folder} if needed (never through a link) and makes it owned by administrators,
     * writable by them (and SYSTEM) only and readable by users, with nothing inherited: the data folder.
     */
    void restrictToAdministrators(Path folder) throws IOException;

    /** Creates {@code folder} if needed and lets only its owner (and administrators) enter it: logs. */
    void restrictToOwner(Path folder) throws IOException;

    /** Lets only the owner (and administrators) read {@code file}: a diagnostics bundle. */
    void restrictFileToOwner(Path file) throws IOException;
}
