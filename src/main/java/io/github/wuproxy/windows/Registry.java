package io.github.wuproxy.windows;

import java.util.Optional;

/** The few registry operations the Windows adapters need, so their logic is tested without Windows. */
interface Registry {
    /** HKEY_LOCAL_MACHINE or HKEY_USERS. */
    enum Root {
        HKLM,
        HKU
    }

    /** A 64-bit process sees both; 32-bit processes on 64-bit Windows see the WOW6432Node copy. */
    enum View {
        BIT64,
        BIT32
    }

    record Value(Root root, String key, String name, View view) {}

    /** Empty when the value or its key does not exist. */
    Optional<byte[]> readBinary(Value value) throws RegistryException;

    void writeBinary(Value value, byte[] data) throws RegistryException;

    void delete(Value value) throws RegistryException;

    /** A registry call failed; {@link #code()} is the Win32 error. */
    final class RegistryException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        RegistryException(String message, int code) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
