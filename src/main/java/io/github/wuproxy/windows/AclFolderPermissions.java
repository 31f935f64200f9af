package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.AccCtrl;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import io.github.wuproxy.port.FolderPermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a folder's ACL (GetNamedSecurityInfo) and names a non-administrator group allowed to add files to it. */
public final class AclFolderPermissions implements FolderPermissions {
    /** Groups every standard user belongs to. */
    static final Map<String, String> STANDARD_USERS = Map.of(
            "S-1-1-0", "Everyone",
            "S-1-5-11", "Authenticated Users",
            "S-1-5-32-545", "BUILTIN\\Users",
            "S-1-5-4", "INTERACTIVE");
    /** FILE_ADD_FILE (WD), FILE_ADD_SUBDIRECTORY (AD), WRITE_DAC, WRITE_OWNER, GENERIC_ALL, GENERIC_WRITE. */
    static final int WRITE_RIGHTS = 0x2 | 0x4 | 0x40000 | 0x80000 | 0x10000000 | 0x40000000;
    private static final int INHERIT_ONLY = 0x08;

    /** One entry of an ACL. */
    record Ace(int type, int flags, int mask, String sid) {}

    /** Owners that may own a folder the service trusts: SYSTEM, Administrators, TrustedInstaller. */
    static final java.util.Set<String> TRUSTED_OWNERS = java.util.Set.of("S-1-5-18", "S-1-5-32-544",
            "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464");

    @Override
    public Optional<String> othersMayWrite(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (Files.isSymbolicLink(absolute) || !Files.isDirectory(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(absolute + " is a link or a file, not a folder; remove it (rmdir \"" + absolute + "\") and start again");
        }
        try {
            // the folder, and the folders above it up to and including the first one an administrator owns
            for (Path at = absolute; at != null; at = at.getParent()) {
                String owner = ownerSid(at);
                Optional<String> why = interpret(aces(at)).map(w -> w + "; let only administrators write it: icacls \"" + absolute
                        + "\" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX");
                if (!TRUSTED_OWNERS.contains(owner) && !owner.equals(currentUserSid())) {
                    why = Optional.of(at + " is owned by " + accountName(owner) + ", who can change its permissions; let Administrators "
                            + "take it over: takeown /F \"" + at + "\" /A /R");
                }
                if (why.isPresent()) {
                    return at.equals(absolute) ? why : why.map(w -> "the folder above it: " + w);
                }
                if (!at.equals(absolute)) {
                    break; // an administrator owns it and no standard user may write it
                }
            }
            return Optional.empty();
        } catch (Win32Exception e) {
            return Optional.of("the permissions of " + absolute + " could not be read (" + e.getMessage() + ")");
        }
    }

    /** The account this process runs as (SYSTEM for the service): a folder it owns is its own. */
    private static String currentUserSid() {
        try {
            return Advapi32Util.getAccountByName(Advapi32Util.getUserName()).sidString;
        } catch (Win32Exception e) {
            return "";
        }
    }

    private static List<Ace> aces(Path folder) {
        List<Ace> aces = new ArrayList<>();
        for (WinNT.ACE_HEADER header : Advapi32Util.getFileSecurity(folder.toString(), false)) {
            if (header instanceof WinNT.ACCESS_ACEStructure ace) {
                aces.add(new Ace(ace.AceType, ace.AceFlags, ace.Mask, ace.getSidString()));
            }
        }
        return aces;
    }

    private static String ownerSid(Path path) {
        var descriptor = Advapi32Util.getFileSecurityDescriptor(path.toFile(), false);
        return descriptor.getOwner().getSidString();
    }

    private static String accountName(String sid) {
        try {
            return Advapi32Util.getAccountBySid(sid).fqn + " (" + sid + ")";
        } catch (Win32Exception e) {
            return sid;
        }
    }

    /** An allow entry for a standard users' group, on the folder itself, with a right to add or take over. */
    static Optional<String> interpret(List<Ace> aces) {
        for (Ace ace : aces) {
            boolean allow = ace.type() == WinNT.ACCESS_ALLOWED_ACE_TYPE;
            boolean onFolder = (ace.flags() & INHERIT_ONLY) == 0;
            if (allow && onFolder && STANDARD_USERS.containsKey(ace.sid()) && (ace.mask() & WRITE_RIGHTS) != 0) {
                return Optional.of(STANDARD_USERS.get(ace.sid()) + " may add files to it (access mask 0x"
                        + Integer.toHexString(ace.mask()).toUpperCase(java.util.Locale.ROOT) + ")");
            }
        }
        return Optional.empty();
    }

    private static final int FULL_CONTROL = WinNT.FILE_ALL_ACCESS;
    private static final int READ_EXECUTE = WinNT.FILE_GENERIC_READ | WinNT.FILE_GENERIC_EXECUTE;

    /**
     * Administrators take ownership of the folder (a user who created it first keeps none) and its
     * ACL is replaced by a protected one (nothing inherited from %ProgramData%, which lets users add
     * files): SYSTEM and Administrators full control, Users read and execute, passed on to what is
     * created inside. By SID, so any Windows language works.
     */
    @Override
    public void restrictToAdministrators(Path folder) throws java.io.IOException {
        create(folder);
        protect(folder, List.of(new Grant("S-1-5-18", FULL_CONTROL), new Grant("S-1-5-32-544", FULL_CONTROL),
                new Grant("S-1-5-32-545", READ_EXECUTE)));
    }

    /** SYSTEM and Administrators only: the logs. */
    @Override
    public void restrictToOwner(Path folder) throws java.io.IOException {
        create(folder);
        protect(folder, List.of(new Grant("S-1-5-18", FULL_CONTROL), new Grant("S-1-5-32-544", FULL_CONTROL)));
    }

    /** The file's owner (the user who wrote it), SYSTEM and Administrators only. */
    @Override
    public void restrictFileToOwner(Path file) throws java.io.IOException {
        String owner = ownerSid(file);
        setSecurity(file, null, List.of(new Grant(owner, FULL_CONTROL),
                new Grant("S-1-5-18", FULL_CONTROL), new Grant("S-1-5-32-544", FULL_CONTROL)), 0);
    }

    private static void create(Path folder) throws java.io.IOException {
        Files.createDirectories(folder);
        if (Files.isSymbolicLink(folder) || !Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.io.IOException(folder + " is a link or a file, not a folder; remove it and start again");
        }
    }

    private record Grant(String sid, int mask) {}

    private static void protect(Path folder, List<Grant> grants) throws java.io.IOException {
        // taking ownership needs SeTakeOwnershipPrivilege (or SeRestorePrivilege): SYSTEM and elevated administrators hold them, disabled
        Advapi32Util.Privilege privileges = new Advapi32Util.Privilege(WinNT.SE_TAKE_OWNERSHIP_NAME, WinNT.SE_RESTORE_NAME);
        try {
            privileges.enable();
            setSecurity(folder, "S-1-5-32-544", grants, WinNT.OBJECT_INHERIT_ACE | WinNT.CONTAINER_INHERIT_ACE);
        } catch (Win32Exception e) {
            throw new java.io.IOException("could not take ownership of " + folder + " for Administrators: " + e.getMessage(), e);
        } finally {
            privileges.close();
        }
    }

    /** SetNamedSecurityInfo with a new owner (unless null) and a protected DACL of {@code grants}. */
    private static void setSecurity(Path path, String ownerSid, List<Grant> grants, int inherit) throws java.io.IOException {
        List<WinNT.PSID> sids = grants.stream().map(g -> new WinNT.PSID(Advapi32Util.convertStringSidToSid(g.sid()))).toList();
        int size = 8 + sids.stream().mapToInt(sid -> 8 + sid.getBytes().length).sum() + 16;
        com.sun.jna.Memory memory = new com.sun.jna.Memory(size);
        memory.clear();
        WinNT.ACL acl = new WinNT.ACL(memory);
        if (!Advapi32.INSTANCE.InitializeAcl(acl, size, WinNT.ACL_REVISION)) {
            throw new java.io.IOException("InitializeAcl failed: " + Kernel32Util.getLastErrorMessage());
        }
        for (int i = 0; i < grants.size(); i++) {
            if (!Advapi32.INSTANCE.AddAccessAllowedAceEx(acl, WinNT.ACL_REVISION, inherit, grants.get(i).mask(), sids.get(i))) {
                throw new java.io.IOException("AddAccessAllowedAceEx failed: " + Kernel32Util.getLastErrorMessage());
            }
        }
        int what = WinNT.DACL_SECURITY_INFORMATION | WinNT.PROTECTED_DACL_SECURITY_INFORMATION;
        com.sun.jna.Pointer owner = null;
        if (ownerSid != null) {
            what |= WinNT.OWNER_SECURITY_INFORMATION;
            owner = new WinNT.PSID(Advapi32Util.convertStringSidToSid(ownerSid)).getPointer();
        }
        int error = Advapi32.INSTANCE.SetNamedSecurityInfo(path.toString(), AccCtrl.SE_OBJECT_TYPE.SE_FILE_OBJECT, what, owner, null,
                acl.getPointer(), null);
        if (error != 0) {
            throw new java.io.IOException("could not set the permissions of " + path + ": " + Kernel32Util.formatMessage(error).strip());
        }
    }
}
