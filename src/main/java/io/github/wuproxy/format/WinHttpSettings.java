package io.github.wuproxy.format;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The registry value {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections\WinHttpSettings}
 * (REG_BINARY), where WinHTTP keeps the machine-wide proxy. Little-endian DWORDs: version (0x18
 * untouched or as Wine and WinHttpSetDefaultProxyConfiguration write it, 0x28 after netsh), a
 * counter, flags (bit 0x2 = named proxy), proxy length + ASCII proxy, bypass length + ASCII bypass.
 *
 * @param trailing bytes after the bypass list, kept as they were
 */
public record WinHttpSettings(int version, int counter, int flags, String proxy, String bypass, byte[] trailing) {
    public static final int VERSION_API = 0x18;
    public static final int VERSION_NETSH = 0x28;
    public static final int FLAG_DIRECT = 0x1;
    public static final int FLAG_PROXY = 0x2;
    private static final int HEADER = 12;
    /** Far more than any proxy list; guards against a corrupt length. */
    private static final int MAX_LENGTH = 64 * 1024;

    public WinHttpSettings {
        trailing = trailing == null ? new byte[0] : java.util.Arrays.copyOf(trailing, trailing.length);
    }

    public boolean usesProxy() {
        return (flags & FLAG_PROXY) != 0;
    }

    /** Decodes a blob read from the registry, tolerating either header version, any counter and trailing bytes. */
    public static WinHttpSettings decode(byte[] blob) throws WinHttpSettingsFormatException {
        if (blob == null) {
            throw new WinHttpSettingsFormatException("no WinHttpSettings value");
        }
        if (blob.length < HEADER + 8) {
            throw new WinHttpSettingsFormatException("WinHttpSettings is " + blob.length
                    + " bytes long; the shortest valid value is 20 (header and two empty lists)");
        }
        ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int version = in.getInt();
        if (version != VERSION_API && version != VERSION_NETSH) {
            throw new WinHttpSettingsFormatException(String.format(
                    "WinHttpSettings starts with version 0x%X; known versions are 0x18 and 0x28", version));
        }
        int counter = in.getInt();
        int flags = in.getInt();
        String proxy = string(in, "proxy");
        String bypass = string(in, "bypass");
        byte[] trailing = Arrays.copyOfRange(blob, in.position(), blob.length);
        return new WinHttpSettings(version, counter, flags, proxy, bypass, trailing);
    }

    private static String string(ByteBuffer in, String what) throws WinHttpSettingsFormatException {
        int at = in.position();
        if (in.remaining() < 4) {
            throw new WinHttpSettingsFormatException("WinHttpSettings ends at byte " + at + " where the " + what
                    + " length should be");
        }
        int length = in.getInt();
        if (length < 0 || length > MAX_LENGTH || length > in.remaining()) {
            throw new WinHttpSettingsFormatException("WinHttpSettings says the " + what + " list at byte " + at + " is "
                    + Integer.toUnsignedString(length) + " bytes long, but only " + in.remaining() + " bytes follow");
        }
        byte[] raw = new byte[length];
        in.get(raw);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0x20 && raw[i] != '\t') {
                throw new WinHttpSettingsFormatException(String.format(
                        "WinHttpSettings has the control byte 0x%02X in the %s list at byte %d", raw[i], what, at + 4 + i));
            }
        }
        // ISO-8859-1 maps every byte to one char, so a non-ASCII byte survives to be reported, not lost.
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** The form both Windows and Wine read: version 0x18, counter 0, flags 0x1 direct or 0x3 proxy. */
    public static byte[] encode(UpdateProxy proxy) {
        if (proxy instanceof UpdateProxy.Fixed fixed) {
            return new WinHttpSettings(VERSION_API, 0, FLAG_DIRECT | FLAG_PROXY, fixed.server(), fixed.bypass(), null).toBytes();
        }
        return new WinHttpSettings(VERSION_API, 0, FLAG_DIRECT, "", "", null).toBytes();
    }

    public byte[] toBytes() {
        byte[] proxyBytes = proxy.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bypassBytes = bypass.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(HEADER + 8 + proxyBytes.length + bypassBytes.length + trailing.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(version).putInt(counter).putInt(flags);
        out.putInt(proxyBytes.length).put(proxyBytes);
        out.putInt(bypassBytes.length).put(bypassBytes);
        out.put(trailing);
        return out.array();
    }

    /**
     * What this value means for Windows Update; throws {@link io.github.wuproxy.core.proxy.InvalidProxyException}
     * when it names a proxy that wuproxy's grammar rejects (written by something else).
     */
    public UpdateProxy toUpdateProxy() {
        if (!usesProxy() || proxy.isBlank()) {
            return UpdateProxy.direct();
        }
        return UpdateProxy.fixed(proxy, bypass);
    }

    public String hex() {
        return HexFormat.of().formatHex(toBytes());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WinHttpSettings that && Arrays.equals(toBytes(), that.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "WinHttpSettings[" + hex() + "]";
    }
}
