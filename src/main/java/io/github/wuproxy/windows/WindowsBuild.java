package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import java.util.Optional;

/** The Windows build as winver shows it, "22631.4460": CurrentBuild and UBR under CurrentVersion. */
public final class WindowsBuild {
    private static final String KEY = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    private WindowsBuild() {}

    public static Optional<String> read() {
        try {
            String build = Advapi32Util.registryGetStringValue(WinReg.HKEY_LOCAL_MACHINE, KEY, "CurrentBuild");
            Object ubr = Advapi32Util.registryGetValues(WinReg.HKEY_LOCAL_MACHINE, KEY, WinNT.KEY_WOW64_64KEY).get("UBR");
            return Optional.of(ubr instanceof Integer revision ? build + "." + revision : build);
        } catch (Win32Exception e) {
            return Optional.empty();
        }
    }
}
