package io.github.wuproxy.portable;

import io.github.wuproxy.port.FolderPermissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** Off Windows: a folder its group or everyone may write is not the owner's alone. */
public final class PosixFolderPermissions implements FolderPermissions {
    @Override
    public Optional<String> othersMayWrite(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
            if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of("its group or every user may write it (" + PosixFilePermissions.toString(mode)
                        + "); let only its owner write it: chmod go-w " + folder);
            }
            return Optional.empty();
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty(); // no POSIX permissions to judge by
        }
    }

    @Override
    public void restrictToAdministrators(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions to set
        }
    }
}
