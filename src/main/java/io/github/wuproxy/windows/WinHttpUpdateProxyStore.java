package io.github.wuproxy.windows;

import io.github.wuproxy.format.WinInetConnectionSettings;
import io.github.wuproxy.format.WinHttpSettingsFormatException;
import io.github.wuproxy.format.WinHttpSettings;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32Util;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.windows.win32.WinHttp;
import io.github.wuproxy.windows.win32.WinHttpTypes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine-wide WinHTTP proxy (both registry views) and the BITS service accounts' proxy, read and
 * written as Windows Update sees them. Writing needs administrator rights or SYSTEM.
 */
public final class WinHttpUpdateProxyStore implements UpdateProxyStore {
    private static final Logger log = LoggerFactory.getLogger(WinHttpUpdateProxyStore.class);
    static final String CONNECTIONS = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections";
    static final String WIN_HTTP_SETTINGS = "WinHttpSettings";
    /** Each BITS service account keeps its WinINet settings in its own hive (UNCONFIRMED on a live machine; see the IT). */
    static final Map<String, String> ACCOUNT_SIDS = Map.of("LOCALSYSTEM", "S-1-5-18", "LOCALSERVICE", "S-1-5-19", "NETWORKSERVICE", "S-1-5-20");
    static final String ABSENT = "absent";

    private final WinHttp winHttp;
    private final Registry registry;
    private final BitsAdmin bits;
    private RegistryWatcher watcher;

    WinHttpUpdateProxyStore(WinHttp winHttp, Registry registry, BitsAdmin bits) {
        this.winHttp = winHttp;
        this.registry = registry;
        this.bits = bits;
    }

    public static WinHttpUpdateProxyStore open(java.nio.file.Path system32) {
        thirtyTwoBitJava(System.getProperty("sun.arch.data.model", "")).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        return new WinHttpUpdateProxyStore(WinHttp.load(), new Advapi32Registry(), new BitsAdmin(system32));
    }

    /**
     * Why this Java cannot keep the machine's proxy, if it cannot: a 32-bit JVM sees only the
     * 32-bit (WOW6432Node) registry view, and WinHTTP there writes only that copy.
     */
    public static Optional<String> thirtyTwoBitJava(String dataModel) {
        if (!dataModel.equals("32")) {
            return Optional.empty();
        }
        return Optional.of("this Java is 32-bit, and would read and write only the 32-bit copy of the Windows Update proxy; "
                + "install a 64-bit (x64) Java 17 or later and run wuproxy with it");
    }

    static Registry.Value winHttpValue(Registry.View view) {
        return new Registry.Value(Registry.Root.HKLM, CONNECTIONS, WIN_HTTP_SETTINGS, view);
    }

    static Registry.Value bitsValue(String account) {
        return new Registry.Value(Registry.Root.HKU, ACCOUNT_SIDS.get(account) + "\\" + CONNECTIONS, "DefaultConnectionSettings",
                Registry.View.BIT64);
    }

    @Override
    public StoredSettings read() throws StoreException {
        var info = new WinHttpTypes.WINHTTP_PROXY_INFO();
        if (!winHttp.WinHttpGetDefaultProxyConfiguration(info)) {
            throw failure("WinHttpGetDefaultProxyConfiguration", Native.getLastError());
        }
        info.read();
        String proxy = WideStrings.takeGlobal(info.lpszProxy);
        String bypass = WideStrings.takeGlobal(info.lpszProxyBypass);
        try {
            byte[] raw = registry.readBinary(winHttpValue(Registry.View.BIT64)).orElse(new byte[0]);
            byte[] raw32 = registry.readBinary(winHttpValue(Registry.View.BIT32)).orElse(new byte[0]);
            Map<String, String> bitsRaw = new LinkedHashMap<>();
            java.util.Set<Optional<UpdateProxy>> bitsProxies = new java.util.HashSet<>();
            for (String account : BitsAdmin.ACCOUNTS) {
                Optional<byte[]> blob = registry.readBinary(bitsValue(account));
                bitsRaw.put(account, blob.map(b -> HexFormat.of().formatHex(b)).orElse(ABSENT));
                bitsProxies.add(blob.isEmpty() ? Optional.of(UpdateProxy.direct()) : decodeBits(blob.get()));
            }
            Optional<UpdateProxy> bitsProxy = bitsProxies.size() == 1 ? bitsProxies.iterator().next() : Optional.empty();
            return new StoredSettings(raw, interpret(info.dwAccessType, proxy, bypass), bitsRaw, bitsProxy, raw32);
        } catch (Registry.RegistryException e) {
            throw new StoreException(Win32Errors.isDenied(e.code()) ? StoreException.Reason.DENIED : StoreException.Reason.FAILED,
                    e.getMessage());
        }
    }

    private static Optional<UpdateProxy> decodeBits(byte[] blob) {
        try {
            return WinInetConnectionSettings.decode(blob).asUpdateProxy();
        } catch (WinHttpSettingsFormatException e) {
            return Optional.empty();
        }
    }

    /** What WinHttpGetDefaultProxyConfiguration's answer means; empty when it names a proxy WinHTTP's grammar rejects. */
    static Optional<UpdateProxy> interpret(int accessType, String proxy, String bypass) {
        if (accessType != WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY || proxy == null || proxy.isBlank()) {
            return Optional.of(UpdateProxy.direct());
        }
        try {
            return Optional.of(UpdateProxy.fixed(proxy, bypass == null ? "" : bypass));
        } catch (IllegalArgumentException e) {
            log.debug("the stored WinHTTP proxy is not one wuproxy would write: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void writeWinHttp(UpdateProxy proxy) throws StoreException {
        int error = set(proxy, WinHttpTypes.WINHTTP_ACCESS_TYPE_NO_PROXY);
        if (error == ERROR_INVALID_PARAMETER && proxy instanceof UpdateProxy.Direct) {
            // NO_PROXY is what netsh and Wine write; Microsoft's page names DEFAULT_PROXY. A WinHTTP that refuses one takes the other.
            log.info("WinHTTP refused direct access as WINHTTP_ACCESS_TYPE_NO_PROXY (ERROR_INVALID_PARAMETER); "
                    + "writing it as WINHTTP_ACCESS_TYPE_DEFAULT_PROXY");
            error = set(proxy, WinHttpTypes.WINHTTP_ACCESS_TYPE_DEFAULT_PROXY);
        }
        if (error != 0) {
            throw failure("WinHttpSetDefaultProxyConfiguration", error);
        }
        alignViews();
    }

    static final int ERROR_INVALID_PARAMETER = 87;

    /** One WinHttpSetDefaultProxyConfiguration call; 0 or its error. directAccess is how direct access is said. */
    private int set(UpdateProxy proxy, int directAccess) {
        var info = new WinHttpTypes.WINHTTP_PROXY_INFO();
        Memory server = null;
        Memory bypass = null;
        if (proxy instanceof UpdateProxy.Fixed fixed) {
            info.dwAccessType = WinHttpTypes.WINHTTP_ACCESS_TYPE_NAMED_PROXY;
            server = WideStrings.of(fixed.server());
            info.lpszProxy = server;
            if (!fixed.bypass().isEmpty()) {
                bypass = WideStrings.of(fixed.bypass());
                info.lpszProxyBypass = bypass;
            }
        } else {
            info.dwAccessType = directAccess;
        }
        info.write();
        boolean ok = winHttp.WinHttpSetDefaultProxyConfiguration(info);
        int error = ok ? 0 : Native.getLastError();
        java.lang.ref.Reference.reachabilityFence(server); // native strings live until the call returned
        java.lang.ref.Reference.reachabilityFence(bypass);
        return error;
    }

    @Override
    public Optional<Optional<UpdateProxy>> winHttp32() throws StoreException {
        try {
            return registry.readBinary(winHttpValue(Registry.View.BIT32)).map(raw -> {
                try {
                    return Optional.of(WinHttpSettings.decode(raw).toUpdateProxy());
                } catch (WinHttpSettingsFormatException | IllegalArgumentException e) {
                    return Optional.<UpdateProxy>empty();
                }
            });
        } catch (Registry.RegistryException e) {
            throw new StoreException(Win32Errors.isDenied(e.code()) ? StoreException.Reason.DENIED : StoreException.Reason.FAILED,
                    e.getMessage());
        }
    }

    /** 32-bit processes read the WOW6432Node copy; make it match the 64-bit value just written. */
    void alignViews() throws StoreException {
        try {
            Optional<byte[]> bit64 = registry.readBinary(winHttpValue(Registry.View.BIT64));
            Optional<byte[]> bit32 = registry.readBinary(winHttpValue(Registry.View.BIT32));
            if (bit64.isPresent() && (bit32.isEmpty() || !Arrays.equals(bit64.get(), bit32.get()))) {
                registry.writeBinary(winHttpValue(Registry.View.BIT32), bit64.get());
            }
        } catch (Registry.RegistryException e) {
            throw new StoreException(Win32Errors.isDenied(e.code()) ? StoreException.Reason.DENIED : StoreException.Reason.FAILED,
                    "the proxy is set, but the 32-bit copy could not be brought in line: " + e.getMessage());
        }
    }

    @Override
    public void writeBits(UpdateProxy proxy) throws StoreException {
        bits.set(proxy);
    }

    /**
     * Puts back each registry view's own bytes, and each BITS account's: first through bitsadmin (so
     * WinINet's own copies follow), then the account's raw value byte for byte.
     */
    @Override
    public void restore(StoredSettings original) throws StoreException {
        try {
            put(winHttpValue(Registry.View.BIT64), original.winHttpSettings());
            put(winHttpValue(Registry.View.BIT32), original.winHttpSettings32());
            for (Map.Entry<String, String> account : original.bitsRaw().entrySet()) {
                if (!ACCOUNT_SIDS.containsKey(account.getKey())) {
                    continue;
                }
                byte[] raw = account.getValue().equals(ABSENT) ? new byte[0] : HexFormat.of().parseHex(account.getValue());
                if (bits != null) {
                    bits.restore(account.getKey(), raw);
                }
                put(bitsValue(account.getKey()), raw);
            }
        } catch (Registry.RegistryException e) {
            throw new StoreException(Win32Errors.isDenied(e.code()) ? StoreException.Reason.DENIED : StoreException.Reason.FAILED,
                    e.getMessage());
        }
    }

    /** Writes the bytes, or deletes the value when there were none (it did not exist). */
    private void put(Registry.Value value, byte[] raw) throws Registry.RegistryException {
        if (raw.length == 0) {
            registry.delete(value);
        } else {
            registry.writeBinary(value, raw);
        }
    }

    @Override
    public synchronized void watch(Runnable onWrite) {
        if (watcher == null) {
            watcher = RegistryWatcher.start(CONNECTIONS, onWrite);
        }
    }

    private static StoreException failure(String call, int code) {
        return new StoreException(Win32Errors.isDenied(code) ? StoreException.Reason.DENIED : StoreException.Reason.FAILED,
                Win32Errors.describe(call, code, Kernel32Util.formatMessageFromLastErrorCode(code)));
    }
}
