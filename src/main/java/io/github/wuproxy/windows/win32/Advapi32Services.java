package io.github.wuproxy.windows.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** The service configuration calls of advapi32.dll (winsvc.h) that jna-platform does not map. */
public interface Advapi32Services extends StdCallLibrary {
    /** Leaves a ChangeServiceConfig field as it is. */
    int SERVICE_NO_CHANGE = 0xffffffff;
    int SERVICE_AUTO_START = 0x2;
    int SERVICE_DEMAND_START = 0x3;
    int SERVICE_DISABLED = 0x4;
    /** QueryServiceConfig's buffer never needs more (its documentation). */
    int QUERY_SERVICE_CONFIG_MAX = 8 * 1024;

    static Advapi32Services load() {
        return Native.load("advapi32", Advapi32Services.class, W32APIOptions.UNICODE_OPTIONS);
    }

    /** ChangeServiceConfigW: null strings and SERVICE_NO_CHANGE leave those fields as they are. */
    boolean ChangeServiceConfig(Winsvc.SC_HANDLE hService, int dwServiceType, int dwStartType, int dwErrorControl,
            String lpBinaryPathName, String lpLoadOrderGroup, IntByReference lpdwTagId, String lpDependencies,
            String lpServiceStartName, String lpPassword, String lpDisplayName);

    /** QueryServiceConfigW into the caller's buffer (QUERY_SERVICE_CONFIG then its strings). */
    boolean QueryServiceConfig(Winsvc.SC_HANDLE hService, Pointer lpServiceConfig, int cbBufSize, IntByReference pcbBytesNeeded);

    /** QUERY_SERVICE_CONFIGW; sizes and offsets pinned against mingw-w64's headers by Win32LayoutTest. */
    @FieldOrder({"dwServiceType", "dwStartType", "dwErrorControl", "lpBinaryPathName", "lpLoadOrderGroup", "dwTagId",
        "lpDependencies", "lpServiceStartName", "lpDisplayName"})
    class QUERY_SERVICE_CONFIG extends Structure {
        public int dwServiceType;
        public int dwStartType;
        public int dwErrorControl;
        public Pointer lpBinaryPathName;
        public Pointer lpLoadOrderGroup;
        public int dwTagId;
        public Pointer lpDependencies;
        public Pointer lpServiceStartName;
        public Pointer lpDisplayName;

        public QUERY_SERVICE_CONFIG() {
            super();
        }

        public QUERY_SERVICE_CONFIG(Pointer memory) {
            super(memory);
            read();
        }
    }
}
