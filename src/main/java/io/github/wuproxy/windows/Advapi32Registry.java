package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import java.util.Optional;

/** {@link Registry} over jna-platform's Advapi32Util; only on Windows. */
final class Advapi32Registry implements Registry {
    @Override
    public Optional<byte[]> readBinary(Value value) throws RegistryException {
        try {
            if (!Advapi32Util.registryValueExists(root(value), value.key(), value.name(), view(value))) {
                return Optional.empty();
            }
            return Optional.of(Advapi32Util.registryGetBinaryValue(root(value), value.key(), value.name(), view(value)));
        } catch (Win32Exception e) {
            throw failure("RegQueryValueEx", value, e);
        }
    }

    @Override
    public void writeBinary(Value value, byte[] data) throws RegistryException {
        try {
            Advapi32Util.registrySetBinaryValue(root(value), value.key(), value.name(), data, view(value));
        } catch (Win32Exception e) {
            throw failure("RegSetValueEx", value, e);
        }
    }

    @Override
    public void delete(Value value) throws RegistryException {
        try {
            if (Advapi32Util.registryValueExists(root(value), value.key(), value.name(), view(value))) {
                Advapi32Util.registryDeleteValue(root(value), value.key(), value.name(), view(value));
            }
        } catch (Win32Exception e) {
            throw failure("RegDeleteValue", value, e);
        }
    }

    private static WinReg.HKEY root(Value value) {
        return value.root() == Root.HKLM ? WinReg.HKEY_LOCAL_MACHINE : WinReg.HKEY_USERS;
    }

    private static int view(Value value) {
        return value.view() == View.BIT64 ? WinNT.KEY_WOW64_64KEY : WinNT.KEY_WOW64_32KEY;
    }

    private static RegistryException failure(String call, Value value, Win32Exception e) {
        int code = e.getErrorCode();
        return new RegistryException(Win32Errors.describe(call + " " + value.root() + "\\" + value.key() + "\\" + value.name(), code,
                e.getMessage()), code);
    }
}
