package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals when anything writes a value under an HKLM key (RegNotifyChangeKeyValue with
 * REG_NOTIFY_CHANGE_LAST_SET), from a daemon thread; the callback must only post work elsewhere.
 */
final class RegistryWatcher {
    private static final Logger log = LoggerFactory.getLogger(RegistryWatcher.class);
    private static final int REG_NOTIFY_CHANGE_LAST_SET = 0x4;

    private RegistryWatcher() {}

    static RegistryWatcher start(String key, Runnable onChange) {
        Thread thread = new Thread(() -> watch(key, onChange), "wuproxy-registry-watch");
        thread.setDaemon(true);
        thread.start();
        return new RegistryWatcher();
    }

    private static void watch(String key, Runnable onChange) {
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int opened = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, key, 0,
                WinNT.KEY_NOTIFY | WinNT.KEY_WOW64_64KEY, handle);
        if (opened != 0) {
            log.warn("cannot watch HKLM\\{} for foreign writes: {}", key, Win32Errors.describe("RegOpenKeyEx", opened, null));
            return;
        }
        WinNT.HANDLE event = Kernel32.INSTANCE.CreateEvent(null, false, false, null);
        try {
            while (true) {
                int armed = Advapi32.INSTANCE.RegNotifyChangeKeyValue(handle.getValue(), false, REG_NOTIFY_CHANGE_LAST_SET, event, true);
                if (armed != 0) {
                    log.warn("stopped watching for foreign writes: {}", Win32Errors.describe("RegNotifyChangeKeyValue", armed, null));
                    return;
                }
                if (Kernel32.INSTANCE.WaitForSingleObject(event, WinBase.INFINITE) != WinBase.WAIT_OBJECT_0) {
                    return;
                }
                onChange.run();
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(event);
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

}
