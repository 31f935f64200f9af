package io.github.wuproxy.windows.win32;

import com.sun.jna.platform.win32.COM.util.IDispatch;
import com.sun.jna.platform.win32.COM.util.IUnknown;
import com.sun.jna.platform.win32.COM.util.annotation.ComInterface;
import com.sun.jna.platform.win32.COM.util.annotation.ComMethod;
import com.sun.jna.platform.win32.COM.util.annotation.ComObject;

/**
 * The Network List Manager (netlistmgr.h, Microsoft Learn: api/netlistmgr), late-bound through
 * IDispatch. COM owns every object; the factory that made them releases them.
 */
public interface NetListMgr {
    int NLM_ENUM_NETWORK_CONNECTED = 0x1;
    int NLM_NETWORK_CATEGORY_PUBLIC = 0;
    int NLM_NETWORK_CATEGORY_PRIVATE = 1;
    int NLM_NETWORK_CATEGORY_DOMAIN_AUTHENTICATED = 2;

    /** CLSID_NetworkListManager. */
    @ComObject(clsId = "{DCB00C01-570F-4A9B-8D69-199FDBA5723B}")
    interface NetworkListManager extends INetworkListManager, IUnknown {}

    /** INetworkListManager. */
    @ComInterface(iid = "{DCB00000-570F-4A9B-8D69-199FDBA5723B}")
    interface INetworkListManager extends IDispatch {
        /** An IEnumNetworks of the networks matching {@code flags}. */
        @ComMethod(name = "GetNetworks")
        IDispatch GetNetworks(int flags);
    }

    /** INetwork. */
    @ComInterface(iid = "{DCB00002-570F-4A9B-8D69-199FDBA5723B}")
    interface INetwork extends IDispatch {
        @ComMethod(name = "GetName")
        String GetName();

        @ComMethod(name = "GetCategory")
        int GetCategory();
    }
}
