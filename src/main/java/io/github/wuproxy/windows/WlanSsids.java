package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WlanApi;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSID each connected Wi-Fi interface is on (wlanapi.dll via jna-platform). Since Windows 11
 * 24H2 this needs the user's location consent; without it Windows answers ERROR_ACCESS_DENIED and
 * the SSID is simply unknown. Every buffer WLAN returns is freed with WlanFreeMemory.
 */
final class WlanSsids {
    private static final Logger log = LoggerFactory.getLogger(WlanSsids.class);
    private static final int CLIENT_VERSION_VISTA = 2;
    private static final int WLAN_INTF_OPCODE_CURRENT_CONNECTION = 7;
    private static final int WLAN_INTERFACE_STATE_CONNECTED = 1;
    private static boolean deniedLogged;

    private WlanSsids() {}

    /** Interface GUID ("{...}", upper case) to SSID. */
    static Map<String, String> byInterface() {
        Map<String, String> ssids = new HashMap<>();
        WinNT.HANDLEByReference client = new WinNT.HANDLEByReference();
        int opened = WlanApi.INSTANCE.WlanOpenHandle(CLIENT_VERSION_VISTA, null, new IntByReference(), client);
        if (opened != 0) {
            return ssids; // no WLAN service: no Wi-Fi
        }
        PointerByReference list = new PointerByReference();
        try {
            if (WlanApi.INSTANCE.WlanEnumInterfaces(client.getValue(), null, list) != 0) {
                return ssids;
            }
            var interfaces = new WlanApi.WLAN_INTERFACE_INFO_LIST(list.getValue());
            for (int i = 0; i < interfaces.dwNumberOfItems; i++) {
                var info = interfaces.InterfaceInfo[i];
                if (info.isState != WLAN_INTERFACE_STATE_CONNECTED) {
                    continue;
                }
                PointerByReference data = new PointerByReference();
                int queried = WlanApi.INSTANCE.WlanQueryInterface(client.getValue(), info.InterfaceGuid,
                        WLAN_INTF_OPCODE_CURRENT_CONNECTION, null, new IntByReference(), data, null);
                if (queried == 5) {
                    if (!deniedLogged) {
                        log.info("Windows keeps the Wi-Fi name (SSID) private without location consent; ssid rules will not hold. "
                                + "Allow location for wuproxy in Settings > Privacy & security > Location to use them");
                        deniedLogged = true;
                    }
                    continue;
                }
                if (queried != 0) {
                    continue;
                }
                try {
                    var attributes = new WlanApi.WLAN_CONNECTION_ATTRIBUTES(data.getValue());
                    var ssid = attributes.wlanAssociationAttributes.dot11Ssid;
                    int length = Math.min(ssid.uSSIDLength.intValue(), ssid.ucSSID.length);
                    ssids.put(info.InterfaceGuid.toGuidString().toUpperCase(Locale.ROOT), ssid(ssid.ucSSID, length));
                } finally {
                    WlanApi.INSTANCE.WlanFreeMemory(data.getValue());
                }
            }
        } finally {
            if (list.getValue() != null) {
                WlanApi.INSTANCE.WlanFreeMemory(list.getValue());
            }
            WlanApi.INSTANCE.WlanCloseHandle(client.getValue(), null);
        }
        return ssids;
    }

    /** SSIDs are raw bytes; most are UTF-8, which this assumes (an invalid sequence shows as U+FFFD). */
    static String ssid(byte[] raw, int length) {
        return new String(raw, 0, length, StandardCharsets.UTF_8);
    }

}
