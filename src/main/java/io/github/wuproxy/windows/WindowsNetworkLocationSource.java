package io.github.wuproxy.windows;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import io.github.wuproxy.core.location.Gateway;
import io.github.wuproxy.core.location.IpAddress;
import io.github.wuproxy.core.location.NetworkLink;
import io.github.wuproxy.core.location.NetworkLocation;
import io.github.wuproxy.core.location.ProbeResults;
import io.github.wuproxy.port.NetworkLocationSource;
import io.github.wuproxy.port.ProbeRequest;
import io.github.wuproxy.port.SourceException;
import io.github.wuproxy.windows.win32.IpHlpApi;
import io.github.wuproxy.windows.win32.IpHlpApiTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the laptop is, from Windows itself: adapters from GetAdaptersAddresses, gateway MACs from
 * the neighbour cache (SendARP), category and name from the Network List Manager, SSIDs from WLAN.
 * Changes are signalled by NotifyIpInterfaceChange, NotifyUnicastIpAddressChange and NotifyRouteChange2.
 */
public final class WindowsNetworkLocationSource implements NetworkLocationSource {
    private static final Logger log = LoggerFactory.getLogger(WindowsNetworkLocationSource.class);
    private static final int FLAGS = IpHlpApiTypes.GAA_FLAG_INCLUDE_GATEWAYS | IpHlpApiTypes.GAA_FLAG_SKIP_ANYCAST
            | IpHlpApiTypes.GAA_FLAG_SKIP_MULTICAST;
    private final IpHlpApi ipHlpApi;
    private final List<WinNT.HANDLE> registrations = new ArrayList<>();
    /** Strong reference: the callback must outlive its registrations, or the GC frees it under Windows. */
    private IpHlpApi.ChangeCallback callback;

    WindowsNetworkLocationSource(IpHlpApi ipHlpApi) {
        this.ipHlpApi = ipHlpApi;
    }

    public static WindowsNetworkLocationSource open() {
        return new WindowsNetworkLocationSource(IpHlpApi.load());
    }

    @Override
    public NetworkLocation current(ProbeRequest probes) throws SourceException {
        List<AdapterList.Adapter> adapters = readAdapters();
        Map<IpAddress, String> macs = new HashMap<>();
        for (AdapterList.Adapter adapter : adapters) {
            for (Gateway gateway : adapter.link().gateways()) {
                if (gateway.ip().isV4()) {
                    mac(gateway.ip()).ifPresent(mac -> macs.put(gateway.ip(), mac));
                }
            }
        }
        Map<String, String> ssids = adapters.stream().anyMatch(a -> a.link().kind() == io.github.wuproxy.core.location.LinkKind.WIFI)
                ? WlanSsids.byInterface() : Map.of();
        List<NetworkLink> links = adapters.stream().map(a -> AdapterList.complete(a, macs, ssids)).toList();
        if (links.isEmpty()) {
            return NetworkLocation.offline();
        }
        var network = NetworkListCategory.strongest(NetworkListCategory.connected());
        return new NetworkLocation("", links, network.category(), network.name(), ProbeResults.NONE);
    }

    private List<AdapterList.Adapter> readAdapters() throws SourceException {
        IntByReference size = new IntByReference(16 * 1024);
        for (int attempt = 0; attempt < 4; attempt++) {
            Memory buffer = new Memory(size.getValue());
            int result = ipHlpApi.GetAdaptersAddresses(IpHlpApiTypes.AF_UNSPEC, FLAGS, null, buffer, size);
            if (result == 0) {
                return AdapterList.read(buffer);
            }
            if (result == IpHlpApiTypes.ERROR_NO_DATA) {
                return List.of();
            }
            if (result != IpHlpApiTypes.ERROR_BUFFER_OVERFLOW) {
                throw new SourceException(Win32Errors.describe("GetAdaptersAddresses", result, null));
            }
            // Adapters appeared between the calls: try again with the size Windows asked for.
        }
        throw new SourceException("GetAdaptersAddresses kept asking for a larger buffer");
    }

    private java.util.Optional<String> mac(IpAddress ip) {
        byte[] b = ip.bytes();
        int address = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24; // IPAddr is in network order
        Memory mac = new Memory(8);
        IntByReference length = new IntByReference(8);
        if (ipHlpApi.SendARP(address, 0, mac, length) != 0 || length.getValue() != 6) {
            return java.util.Optional.empty();
        }
        byte[] raw = mac.getByteArray(0, 6);
        return java.util.Optional.of(String.format("%02x-%02x-%02x-%02x-%02x-%02x", raw[0], raw[1], raw[2], raw[3], raw[4], raw[5]));
    }

    @Override
    public synchronized void start(Runnable onChange) throws SourceException {
        stop();
        callback = (Pointer context, Pointer row, int type) -> onChange.run(); // hand off at once; no work here
        register("NotifyIpInterfaceChange", h -> ipHlpApi.NotifyIpInterfaceChange((short) IpHlpApiTypes.AF_UNSPEC, callback, null, (byte) 0, h));
        register("NotifyUnicastIpAddressChange",
                h -> ipHlpApi.NotifyUnicastIpAddressChange((short) IpHlpApiTypes.AF_UNSPEC, callback, null, (byte) 0, h));
        register("NotifyRouteChange2", h -> ipHlpApi.NotifyRouteChange2((short) IpHlpApiTypes.AF_UNSPEC, callback, null, (byte) 0, h));
    }

    private interface Registration {
        int register(WinNT.HANDLEByReference handle);
    }

    private void register(String call, Registration registration) throws SourceException {
        WinNT.HANDLEByReference handle = new WinNT.HANDLEByReference();
        int result = registration.register(handle);
        if (result != 0) {
            stop();
            throw new SourceException(Win32Errors.describe(call, result, null));
        }
        registrations.add(handle.getValue());
    }

    @Override
    public synchronized void stop() {
        for (WinNT.HANDLE handle : registrations) {
            int result = ipHlpApi.CancelMibChangeNotify2(handle);
            if (result != 0) {
                log.debug("{}", Win32Errors.describe("CancelMibChangeNotify2", result, null));
            }
        }
        registrations.clear();
    }
}
