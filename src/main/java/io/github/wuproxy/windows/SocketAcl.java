package io.github.wuproxy.windows;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.AccCtrl;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The channel's socket file gets an ACL of its own: a Windows client needs write access to the file
 * to connect, and the data folder lets users only read. Connecting proves nothing: the token files
 * still decide what a caller may do.
 */
public final class SocketAcl {
    private SocketAcl() {}

    /** SYSTEM and Administrators: full control; INTERACTIVE: read and write (connect). The DACL is protected (not inherited). */
    public static void openToInteractiveUsers(Path socket) throws IOException {
        List<WinNT.PSID> sids = new ArrayList<>();
        try {
            for (String sid : List.of(WindowsAccounts.SYSTEM, WindowsAccounts.ADMINISTRATORS, WindowsAccounts.INTERACTIVE)) {
                var found = new WinNT.PSIDByReference();
                if (!Advapi32.INSTANCE.ConvertStringSidToSid(sid, found)) {
                    throw failure("ConvertStringSidToSid", socket);
                }
                sids.add(found.getValue());
            }
            int size = 8;
            for (WinNT.PSID sid : sids) {
                size += 8 + Advapi32.INSTANCE.GetLengthSid(sid);
            }
            var acl = new WinNT.ACL(size);
            if (!Advapi32.INSTANCE.InitializeAcl(acl, size, WinNT.ACL_REVISION)) {
                throw failure("InitializeAcl", socket);
            }
            int[] masks = {WinNT.FILE_ALL_ACCESS, WinNT.FILE_ALL_ACCESS, WinNT.FILE_GENERIC_READ | WinNT.FILE_GENERIC_WRITE};
            for (int i = 0; i < sids.size(); i++) {
                if (!Advapi32.INSTANCE.AddAccessAllowedAce(acl, WinNT.ACL_REVISION, masks[i], sids.get(i))) {
                    throw failure("AddAccessAllowedAce", socket);
                }
            }
            // The socket is a reparse point Windows cannot follow: open the file itself.
            WinNT.HANDLE file = Kernel32.INSTANCE.CreateFile(socket.toString(), WinNT.WRITE_DAC | WinNT.READ_CONTROL,
                    WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE | WinNT.FILE_SHARE_DELETE, null, WinNT.OPEN_EXISTING,
                    WinNT.FILE_FLAG_OPEN_REPARSE_POINT | WinNT.FILE_FLAG_BACKUP_SEMANTICS, null);
            if (WinBase.INVALID_HANDLE_VALUE.equals(file)) {
                throw failure("CreateFile", socket);
            }
            try {
                int error = Advapi32.INSTANCE.SetSecurityInfo(file, AccCtrl.SE_OBJECT_TYPE.SE_FILE_OBJECT,
                        WinNT.DACL_SECURITY_INFORMATION | WinNT.PROTECTED_DACL_SECURITY_INFORMATION, null, null, acl.getPointer(), null);
                if (error != 0) {
                    throw new IOException("the channel's socket " + socket + " could not be opened to interactive users: "
                            + Win32Errors.describe("SetSecurityInfo", error, Kernel32Util.formatMessage(error)));
                }
            } finally {
                Kernel32.INSTANCE.CloseHandle(file);
            }
        } finally {
            for (WinNT.PSID sid : sids) {
                Kernel32.INSTANCE.LocalFree(sid.getPointer());
            }
        }
    }

    private static IOException failure(String call, Path socket) {
        int error = Native.getLastError();
        return new IOException("the channel's socket " + socket + " could not be opened to interactive users: "
                + Win32Errors.describe(call, error, Kernel32Util.formatMessage(error)));
    }
}
