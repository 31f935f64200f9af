package io.github.wuproxy.windows.win32;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** Functions of iphlpapi.dll that jna-platform does not map. Return a Win32 error code, 0 = NO_ERROR. */
public interface IpHlpApi extends StdCallLibrary, IpHlpApiTypes {
    static IpHlpApi load() {
        return Native.load("iphlpapi", IpHlpApi.class, W32APIOptions.DEFAULT_OPTIONS);
    }

    /** GetAdaptersAddresses into the caller's buffer; ERROR_BUFFER_OVERFLOW sets the size needed. */
    int GetAdaptersAddresses(int family, int flags, Pointer reserved, Pointer adapterAddresses, IntByReference sizePointer);

    /** SendARP: the MAC of an on-link IPv4 address (from the cache, or by asking). */
    int SendARP(int destIp, int srcIp, Pointer macAddress, IntByReference physicalAddressLength);

    /**
     * The callback of NotifyIpInterfaceChange, NotifyUnicastIpAddressChange and NotifyRouteChange2.
     * Runs on a Windows thread pool thread; keep a strong reference while registered; never call
     * CancelMibChangeNotify2 from inside it.
     */
    interface ChangeCallback extends StdCallCallback {
        void callback(Pointer callerContext, Pointer row, int notificationType);
    }

    int NotifyIpInterfaceChange(short family, ChangeCallback callback, Pointer callerContext, byte initialNotification,
            WinNT.HANDLEByReference notificationHandle);

    int NotifyUnicastIpAddressChange(short family, ChangeCallback callback, Pointer callerContext, byte initialNotification,
            WinNT.HANDLEByReference notificationHandle);

    int NotifyRouteChange2(short family, ChangeCallback callback, Pointer callerContext, byte initialNotification,
            WinNT.HANDLEByReference notificationHandle);

    int CancelMibChangeNotify2(WinNT.HANDLE notificationHandle);
}
