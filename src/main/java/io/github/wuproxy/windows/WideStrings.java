package io.github.wuproxy.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import java.nio.charset.StandardCharsets;

/** UTF-16LE strings in native memory, built by hand so they are right whatever wchar_t is on this JVM. */
final class WideStrings {
    private WideStrings() {}

    static Memory of(String text) {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.UTF_16LE);
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }

    /** Reads a string WinHTTP allocated (null stays null), then frees it with GlobalFree as WinHTTP requires. */
    static String takeGlobal(Pointer pointer) {
        if (pointer == null) {
            return null;
        }
        try {
            return pointer.getWideString(0);
        } finally {
            Kernel32.INSTANCE.GlobalFree(pointer);
        }
    }
}
