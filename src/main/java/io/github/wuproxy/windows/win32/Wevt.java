package io.github.wuproxy.windows.win32;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winevt;
import com.sun.jna.win32.StdCallLibrary;

/** What jna-platform's Wevtapi leaves out: the EvtSubscribe callback type (winevt.h EVT_SUBSCRIBE_CALLBACK). */
public interface Wevt {
    /** DWORD WINAPI callback(EVT_SUBSCRIBE_NOTIFY_ACTION Action, PVOID UserContext, EVT_HANDLE Event). */
    interface EVT_SUBSCRIBE_CALLBACK extends StdCallLibrary.StdCallCallback {
        int callback(int action, Pointer userContext, Winevt.EVT_HANDLE event);
    }
}
