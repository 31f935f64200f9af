package io.github.wuproxy.sim;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.StoredSettings;
import io.github.wuproxy.port.UpdateProxyStore;
import io.github.wuproxy.format.WinHttpSettings;
import io.github.wuproxy.format.WinHttpSettingsFormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The WinHTTP registry value and the BITS accounts' proxies, in memory, byte for byte as Windows
 * keeps them. It can be told to fail; it records, never asserts.
 */
public final class InMemoryUpdateProxyStore implements UpdateProxyStore {
    static final List<String> BITS_ACCOUNTS = List.of("LOCALSYSTEM", "NETWORKSERVICE", "LOCALSERVICE");

    private byte[] winHttpSettings;
    private final Map<String, String> bits = new TreeMap<>();
    private final List<Runnable> watchers = new ArrayList<>();
    private final Deque<Optional<StoreException.Reason>> writeFaults = new ArrayDeque<>();
    private final List<byte[]> writes = new ArrayList<>();
    private Runnable afterWrite = () -> {};
    private Runnable onBitsWrite = () -> {};
    /** What {@link #read()} last returned, until the next write: decoding is the simulation's hot spot. */
    private StoredSettings read;
    /** What the WinHTTP bytes now mean, until they change (a BITS write leaves it). */
    private Optional<UpdateProxy> winHttpRead;
    /** The last values decoded, by their bytes: a simulation writes the same few again and again. */
    private final Decoded[] decoded = new Decoded[4];
    private int decodedNext;

    private record Decoded(byte[] bytes, Optional<UpdateProxy> value) {}
    /** The last BITS usage read, and what it says. */
    /** Each BITS usage met, and what it says: a simulation writes the same few again and again. */
    private final Map<String, Optional<UpdateProxy>> bitsParsed = new java.util.HashMap<>();

    private InMemoryUpdateProxyStore(UpdateProxy initial) {
        winHttpSettings = WinHttpSettings.encode(initial);
        BITS_ACCOUNTS.forEach(account -> bits.put(account, bitsUsage(initial)));
    }

    public static InMemoryUpdateProxyStore direct() {
        return new InMemoryUpdateProxyStore(UpdateProxy.direct());
    }

    public static InMemoryUpdateProxyStore holding(UpdateProxy proxy) {
        return new InMemoryUpdateProxyStore(proxy);
    }

    /** The next write fails for this reason. */
    public void failNextWrite(StoreException.Reason reason) {
        writeFaults.add(Optional.of(reason));
    }

    /** The next write succeeds; queue it before a failure meant for the write after it. */
    public void passNextWrite() {
        writeFaults.add(Optional.empty());
    }

    /** Runs after every successful write: a simulation uses it to crash the agent right there. */
    public void afterWrite(Runnable hook) {
        afterWrite = hook;
    }

    /** Runs after every successful BITS write. */
    public void afterBitsWrite(Runnable hook) {
        onBitsWrite = hook;
    }

    /** What Windows Update would use if it started now. */
    public UpdateProxy current() {
        return winHttp().orElseThrow(() -> new IllegalStateException("the in-memory store holds a WinHTTP value it cannot read"));
    }

    public byte[] winHttpSettings() {
        return java.util.Arrays.copyOf(winHttpSettings, winHttpSettings.length);
    }

    public Map<String, String> bitsUsage() {
        return Map.copyOf(bits);
    }

    /** Every WinHTTP value written, in order. */
    public List<byte[]> writes() {
        return List.copyOf(writes);
    }

    /** Another program writes the WinHTTP value (a VPN client, a GPO). */
    public void foreignWrite(UpdateProxy proxy) {
        winHttpSettings = WinHttpSettings.encode(proxy);
        read = null;
        winHttpRead = null;
        watchers.forEach(Runnable::run);
    }

    @Override
    public StoredSettings read() {
        if (read == null) {
            read = decode();
        }
        return read;
    }

    private StoredSettings decode() {
        return new StoredSettings(winHttpSettings, winHttp(), bits, bitsProxy());
    }

    private Optional<UpdateProxy> winHttp() {
        if (winHttpRead == null) {
            winHttpRead = decoded(winHttpSettings);
        }
        return winHttpRead;
    }

    /** What {@code bytes} mean, decoded once for each of the last few values. */
    private Optional<UpdateProxy> decoded(byte[] bytes) {
        for (Decoded known : decoded) {
            if (known != null && java.util.Arrays.equals(known.bytes, bytes)) {
                return known.value;
            }
        }
        Optional<UpdateProxy> value;
        try {
            value = Optional.of(WinHttpSettings.decode(bytes).toUpdateProxy());
        } catch (WinHttpSettingsFormatException | IllegalArgumentException e) {
            value = Optional.empty();
        }
        decoded[decodedNext] = new Decoded(java.util.Arrays.copyOf(bytes, bytes.length), value);
        decodedNext = (decodedNext + 1) % decoded.length;
        return value;
    }

    private Optional<UpdateProxy> bitsProxy() {
        String usage = null;
        for (String each : bits.values()) {
            if (usage != null && !usage.equals(each)) {
                return Optional.empty();
            }
            usage = each;
        }
        if (usage == null) {
            return Optional.empty();
        }
        if (bitsParsed.size() == 64) { // a timeline of many foreign proxies: kept small
            bitsParsed.clear();
        }
        return bitsParsed.computeIfAbsent(usage, InMemoryUpdateProxyStore::bitsProxy);
    }

    private static Optional<UpdateProxy> bitsProxy(String usage) {
        if (usage.equals("NO_PROXY")) {
            return Optional.of(UpdateProxy.direct());
        }
        String[] parts = usage.split(" ", 3);
        try {
            return Optional.of(UpdateProxy.fixed(parts[1], parts.length > 2 && !parts[2].equals("NULL") ? parts[2] : ""));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty(); // a value wuproxy does not understand, as on Windows
        }
    }

    private static String bitsUsage(UpdateProxy proxy) {
        if (proxy instanceof UpdateProxy.Fixed fixed) {
            return "MANUAL_PROXY " + fixed.server() + " " + (fixed.bypass().isEmpty() ? "NULL" : fixed.bypass());
        }
        return "NO_PROXY";
    }

    @Override
    public void writeWinHttp(UpdateProxy proxy) throws StoreException {
        checkFault("WinHttpSetDefaultProxyConfiguration");
        winHttpSettings = WinHttpSettings.encode(proxy);
        read = null;
        winHttpRead = null;
        writes.add(java.util.Arrays.copyOf(winHttpSettings, winHttpSettings.length));
        watchers.forEach(Runnable::run);
        afterWrite.run();
    }

    @Override
    public void writeBits(UpdateProxy proxy) throws StoreException {
        checkFault("BITS proxy usage");
        for (String account : BITS_ACCOUNTS) {
            bits.put(account, bitsUsage(proxy));
        }
        read = null;
        onBitsWrite.run();
    }

    @Override
    public void restore(StoredSettings original) {
        winHttpSettings = original.winHttpSettings();
        winHttpRead = null;
        bits.clear();
        bits.putAll(original.bitsRaw());
        read = null;
        watchers.forEach(Runnable::run);
    }

    @Override
    public void watch(Runnable onWrite) {
        watchers.add(onWrite);
    }

    private void checkFault(String call) throws StoreException {
        StoreException.Reason fault = Optional.ofNullable(writeFaults.poll()).flatMap(f -> f).orElse(null);
        if (fault == StoreException.Reason.DENIED) {
            throw new StoreException(fault, call + " failed: Access is denied (ERROR_ACCESS_DENIED, 5) [simulated]");
        }
        if (fault != null) {
            throw new StoreException(fault, call + " failed: the operation timed out (ERROR_TIMEOUT, 1460) [simulated]");
        }
    }
}
