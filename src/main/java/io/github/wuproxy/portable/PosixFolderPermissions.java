package io.github.wuproxy.portable;

import io.github.wuproxy.port.FolderPermissions;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Off Windows: a folder is safe when it and every folder above it are owned by root or by this
 * account, and none may be written by its group or everyone (a sticky folder above, like /tmp, may).
 */
public final class PosixFolderPermissions implements FolderPermissions {
    private static final int STICKY = 01000;
    private final String me;

    public PosixFolderPermissions() {
        this(System.getProperty("user.name"));
    }

    PosixFolderPermissions(String me) {
        this.me = me;
    }

    @Override
    public Optional<String> othersMayWrite(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (Files.isSymbolicLink(absolute)) {
                return Optional.of(absolute + " is a symbolic link; replace it with a real folder (rm " + absolute + "; mkdir " + absolute + ")");
            }
            if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(absolute + " is not a folder; move it away");
            }
            Optional<String> why = judge(absolute, false);
            // the folders above, through their real paths, up to and including the first owned by root
            Path parent = absolute.getParent() == null ? null : absolute.getParent().toRealPath();
            while (why.isEmpty() && parent != null) {
                why = judge(parent, true);
                if (ownedByRoot(parent)) {
                    break;
                }
                parent = parent.getParent();
            }
            return why;
        } catch (UnsupportedOperationException e) {
            return Optional.empty(); // no POSIX owners and modes to judge by
        } catch (IOException e) {
            return Optional.of("the permissions of " + folder + " could not be read (" + e.getMessage() + ")");
        }
    }

    private static boolean ownedByRoot(Path folder) throws IOException {
        return Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS).equals(0);
    }

    private Optional<String> judge(Path folder, boolean above) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = attributes.owner().getName();
        if (!owner.equals("root") && !owner.equals(me)) {
            return Optional.of(folder + " belongs to " + owner + ", who could replace what is in it; give it to " + me
                    + " (chown " + me + " " + folder + ") or choose another folder with -Dwuproxy.data");
        }
        Set<PosixFilePermission> mode = attributes.permissions();
        boolean othersWrite = mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE);
        boolean sticky = (((Integer) Files.getAttribute(folder, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & STICKY) != 0;
        if (othersWrite && !(above && sticky)) {
            return Optional.of((above ? "the folder above it, " : "") + folder + ", may be written by its group or every user ("
                    + PosixFilePermissions.toString(mode) + "); let only its owner write it: chmod go-w " + folder);
        }
        return Optional.empty();
    }

    @Override
    public void restrictToAdministrators(Path folder) throws IOException {
        create(folder, "rwxr-xr-x");
    }

    @Override
    public void restrictToOwner(Path folder) throws IOException {
        create(folder, "rwx------");
    }

    @Override
    public void restrictFileToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions to set
        }
    }

    /** Creates the folder with {@code mode} (never through a link); an existing one of ours gets it too. */
    private static void create(Path folder, String mode) throws IOException {
        if (folder.getParent() != null) {
            Files.createDirectories(folder.getParent());
        }
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(mode);
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(permissions));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(folder + " is a link or a file, not a folder; move it away and start again", e);
            }
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
            return;
        }
        Files.setPosixFilePermissions(folder, permissions); // the umask may have taken bits away, or the folder is older
    }
}
