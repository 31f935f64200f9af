package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32Util;

/** The local names of well-known accounts, looked up by SID (LookupAccountSid), so any Windows language works. */
public final class WindowsAccounts {
    public static final String SYSTEM = "S-1-5-18";
    public static final String ADMINISTRATORS = "S-1-5-32-544";
    public static final String INTERACTIVE = "S-1-5-4";

    private WindowsAccounts() {}

    /** "NT AUTHORITY\SYSTEM" on an English Windows, "NT-AUTORITÄT\SYSTEM" on a German one. */
    public static String name(String sid) {
        return Advapi32Util.getAccountBySid(sid).fqn;
    }
}
