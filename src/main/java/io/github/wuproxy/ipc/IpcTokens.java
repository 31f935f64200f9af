package io.github.wuproxy.ipc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the operating system cannot say who is calling (Windows' AF_UNIX has no SO_PEERCRED), the
 * caller proves a right by presenting a secret only those with that right can read: the choose
 * token is readable by interactive users, the admin token by Administrators and SYSTEM only. New
 * tokens are made at every start, so an old one is worth nothing.
 */
public final class IpcTokens {
    static final String CHOOSE = "choose.token";
    static final String ADMIN = "admin.token";
    private final byte[] choose;
    private final byte[] admin;

    private IpcTokens(byte[] choose, byte[] admin) {
        this.choose = choose;
        this.admin = admin;
    }

    /** Makes fresh tokens in {@code folder}, readable only as described above. */
    public static IpcTokens create(Path folder, AccountNames names) throws IOException {
        Files.createDirectories(folder);
        var random = new SecureRandom();
        byte[] choose = new byte[32];
        byte[] admin = new byte[32];
        random.nextBytes(choose);
        random.nextBytes(admin);
        write(folder.resolve(CHOOSE), choose, true, names);
        write(folder.resolve(ADMIN), admin, false, names);
        return new IpcTokens(choose, admin);
    }

    private static void write(Path file, byte[] token, boolean interactiveUsersMayRead, AccountNames names) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        if (Files.getFileAttributeView(file, AclFileAttributeView.class) != null) {
            restrictWindows(file, interactiveUsersMayRead, names);
        } else {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(interactiveUsersMayRead ? "rw-r--r--" : "rw-------"));
        }
        Files.writeString(file, HexFormat.of().formatHex(token), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Replaces the inherited ACL: SYSTEM and Administrators full control, INTERACTIVE read for the choose token. */
    private static void restrictWindows(Path file, boolean interactiveUsersMayRead, AccountNames accounts) throws IOException {
        UserPrincipalLookupService names = file.getFileSystem().getUserPrincipalLookupService();
        List<AclEntry> acl = new ArrayList<>();
        acl.add(allow(names.lookupPrincipalByName(accounts.system()), EnumSet.allOf(AclEntryPermission.class)));
        acl.add(allow(names.lookupPrincipalByName(accounts.administrators()), EnumSet.allOf(AclEntryPermission.class)));
        if (interactiveUsersMayRead) {
            acl.add(allow(names.lookupPrincipalByName(accounts.interactive()), EnumSet.of(AclEntryPermission.READ_DATA,
                    AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.READ_ACL, AclEntryPermission.SYNCHRONIZE)));
        }
        Files.getFileAttributeView(file, AclFileAttributeView.class).setAcl(acl);
    }

    private static AclEntry allow(UserPrincipal who, Set<AclEntryPermission> what) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(who).setPermissions(what).build();
    }

    /** The strongest right a presented token proves. */
    public Optional<IpcProtocol.Right> rightOf(String presented) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(presented);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (MessageDigest.isEqual(bytes, admin)) {
            return Optional.of(IpcProtocol.Right.ADMIN);
        }
        if (MessageDigest.isEqual(bytes, choose)) {
            return Optional.of(IpcProtocol.Right.CHOOSE);
        }
        return Optional.empty();
    }

    /** The token files live beside the socket (a client finds them without loading the server, or its logging). */
    public static Path folder(Path socket) {
        return socket.resolveSibling("ipc");
    }

    /** The strongest token this caller can read, for the client side. */
    public static Optional<String> readable(Path folder) {
        for (String name : List.of(ADMIN, CHOOSE)) {
            try {
                return Optional.of(Files.readString(folder.resolve(name), StandardCharsets.US_ASCII).strip());
            } catch (IOException e) {
                // not readable by this user: try the next
            }
        }
        return Optional.empty();
    }
}
