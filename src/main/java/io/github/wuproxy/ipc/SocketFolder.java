package io.github.wuproxy.ipc;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The folder the socket lives in: made without following links, and entered by the agent's account
 * only (POSIX 0700). One that is there already must be a real folder the agent's account owns; anyone
 * else's could hold a socket listening in the agent's place.
 */
final class SocketFolder {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private SocketFolder() {}

    /** @param owners the accounts that may own it: the agent's, and on Windows also Administrators and SYSTEM */
    static void prepare(Path folder, Set<String> owners) throws IOException {
        Files.createDirectories(folder.toAbsolutePath().getParent());
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            // checked below, as found
        }
        BasicFileAttributes found = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!found.isDirectory() || found.isSymbolicLink()) {
            throw new IOException("the channel's folder " + folder + " is not a folder (a link or a file is in its place); "
                    + "remove it and start the agent again");
        }
        UserPrincipal owner = Files.getFileAttributeView(folder, FileOwnerAttributeView.class, LinkOption.NOFOLLOW_LINKS).getOwner();
        if (!owners.contains(owner.getName())) {
            throw new IOException("the channel's folder " + folder + " belongs to " + owner.getName() + ", not to the agent's account ("
                    + String.join(" or ", owners.stream().sorted().toList()) + "): someone else could listen there in the agent's place. "
                    + "Remove it (with everything in it) and start the agent again");
        }
        if (posix) {
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.permissions().equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY); // ours, and not a link (checked above)
            }
        }
    }
}
