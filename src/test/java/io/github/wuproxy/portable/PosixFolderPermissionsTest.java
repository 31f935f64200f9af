package io.github.wuproxy.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real folders, real owners: the tests run as root here, and another user is uid 65534 (nobody),
 * given folders with chown and acted as with {@code setpriv --reuid=65534 --regid=65534 --clear-groups}.
 */
class PosixFolderPermissionsTest {
    @TempDir
    Path tmp;
    private final PosixFolderPermissions permissions = new PosixFolderPermissions();

    @BeforeEach
    void asRoot() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root") || System.getenv("CI") != null, "needs root to give folders to another user");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x")); // others may enter, as they may /var or /home
    }

    private static void chown(Path path, String user) throws Exception {
        Files.setOwner(path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user));
    }

    /** Runs {@code command} as uid/gid 65534 with no groups; its exit code. */
    private static int asNobody(String... command) throws Exception {
        var args = new java.util.ArrayList<>(java.util.List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        args.addAll(java.util.List.of(command));
        return new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @Test
    void aFolderOfOurOwnBelowRootsIsTrusted() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertEquals(Optional.empty(), permissions.othersMayWrite(data));
        assertEquals(Optional.empty(), permissions.othersMayWrite(tmp.resolve("missing")));
    }

    @Test
    void aFolderAnotherUserOwnsIsRefusedWithTheFix() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        chown(data, "nobody");
        assertEquals(Optional.of(data + " belongs to nobody, who could replace what is in it; give it to root (chown root " + data
                + ") or choose another folder with -Dwuproxy.data"), permissions.othersMayWrite(data));
        assertEquals(0, asNobody("touch", data.resolve("planted.conf").toString()), "what the refusal is about");
    }

    @Test
    void aFolderAboveOwnedByAnotherUserIsRefused() throws Exception {
        Path theirs = Files.createDirectory(tmp.resolve("theirs"));
        Path data = Files.createDirectory(theirs.resolve("data"));
        chown(theirs, "nobody");
        assertTrue(permissions.othersMayWrite(data).orElseThrow().startsWith(theirs + " belongs to nobody"), permissions.othersMayWrite(data).toString());
        assertEquals(0, asNobody("mv", data.toString(), theirs.resolve("gone").toString()), "nobody can swap the folder away");
    }

    @Test
    void aFolderOthersMayWriteIsRefusedAndSoIsOneAboveUnlessSticky() throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Optional.of(data + ", may be written by its group or every user (rwxrwxrwx); let only its owner write it: chmod go-w " + data),
                permissions.othersMayWrite(data));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Optional.of("the folder above it, " + tmp + ", may be written by its group or every user (rwxrwxrwx); "
                + "let only its owner write it: chmod go-w " + tmp), permissions.othersMayWrite(data));
        assertEquals(0, new ProcessBuilder("chmod", "1777", tmp.toString()).start().waitFor()); // like /tmp
        assertEquals(Optional.empty(), permissions.othersMayWrite(data));
        assertNotEquals(0, asNobody("mv", data.toString(), tmp.resolve("gone").toString()), "the sticky bit stops the swap");
    }

    @Test
    void aLinkInPlaceOfTheFolderIsRefused() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path data = Files.createSymbolicLink(tmp.resolve("data"), real);
        assertEquals(Optional.of(data + " is a symbolic link; replace it with a real folder (rm " + data + "; mkdir " + data + ")"),
                permissions.othersMayWrite(data));
        assertThrows(java.io.IOException.class, () -> permissions.restrictToOwner(data));
    }

    @Test
    void logsAreForTheOwnerOnly() throws Exception {
        Path logs = tmp.resolve("data").resolve("logs");
        permissions.restrictToAdministrators(tmp.resolve("data"));
        permissions.restrictToOwner(logs);
        Path log = Files.writeString(logs.resolve("wuproxy.log"), "a line\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--")); // as logback leaves it under umask 022
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logs)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("data"))));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNotEquals(0, asNobody("cat", log.toString()), "another user cannot read the log");
        Path bundle = Files.writeString(tmp.resolve("bundle.zip"), "zip");
        permissions.restrictFileToOwner(bundle);
        assertNotEquals(0, asNobody("cat", bundle.toString()), "nor a bundle");
    }
}
