package io.github.wuproxy.format;

import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The WinINet value {@code ...\Internet Settings\Connections\DefaultConnectionSettings} of one
 * account, where {@code bitsadmin /util /setieproxy} leaves a service account's proxy. Little-endian
 * DWORDs: version (0x3C, 0x46), counter, flags (0x1 direct, 0x2 proxy, 0x4 setup script, 0x8
 * auto-detect), then proxy, bypass and setup-script URL, each a DWORD length and ASCII; the rest is kept.
 */
public record WinInetConnectionSettings(int version, int counter, int flags, String proxy, String bypass, String autoConfigUrl) {
    /** The version Windows 10 and 11 write. */
    public static final int VERSION = 0x46;
    public static final int FLAG_DIRECT = 0x1;
    public static final int FLAG_PROXY = 0x2;
    public static final int FLAG_AUTO_PROXY_URL = 0x4;
    public static final int FLAG_AUTO_DETECT = 0x8;

    public static WinInetConnectionSettings decode(byte[] blob) throws WinHttpSettingsFormatException {
        if (blob == null || blob.length < 12) {
            throw new WinHttpSettingsFormatException("DefaultConnectionSettings is " + (blob == null ? 0 : blob.length)
                    + " bytes long; it needs at least a 12-byte header");
        }
        ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        int version = in.getInt();
        int counter = in.getInt();
        int flags = in.getInt();
        return new WinInetConnectionSettings(version, counter, flags, string(in, "proxy"), string(in, "bypass"), string(in, "setup script"));
    }

    private static String string(ByteBuffer in, String what) throws WinHttpSettingsFormatException {
        if (in.remaining() < 4) {
            return "";
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new WinHttpSettingsFormatException("DefaultConnectionSettings says the " + what + " is "
                    + Integer.toUnsignedString(length) + " bytes long, but only " + in.remaining() + " bytes follow");
        }
        byte[] raw = new byte[length];
        in.get(raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** Direct or one fixed proxy, as WinHTTP would take it; empty for a setup script, auto-detection or a bad value. */
    public Optional<UpdateProxy> asUpdateProxy() {
        if ((flags & (FLAG_AUTO_PROXY_URL | FLAG_AUTO_DETECT)) != 0) {
            return Optional.empty();
        }
        if ((flags & FLAG_PROXY) == 0 || proxy.isBlank()) {
            return Optional.of(UpdateProxy.direct());
        }
        try {
            return Optional.of(UpdateProxy.fixed(proxy, bypass));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The user's settings these bytes say, in WinINet's terms; empty when the proxy is one wuproxy cannot use. */
    public Optional<UserProxySettings> asUserSettings() {
        try {
            Optional<UpdateProxy.Fixed> manual = (flags & FLAG_PROXY) != 0 && !proxy.isBlank()
                    ? Optional.of(UpdateProxy.fixed(proxy, bypass)) : Optional.empty();
            Optional<String> url = (flags & FLAG_AUTO_PROXY_URL) != 0 ? Optional.of(autoConfigUrl) : Optional.empty();
            return Optional.of(new UserProxySettings((flags & FLAG_AUTO_DETECT) != 0, url, manual));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * These settings as WinINet's per-connection options would leave them: the flags always carry
     * DIRECT, as Windows writes them; text of a mode that is switched off stays, as when a box is unticked.
     */
    public WinInetConnectionSettings with(UserProxySettings settings) {
        int next = FLAG_DIRECT | (settings.manual().isPresent() ? FLAG_PROXY : 0) | (settings.pacUrl().isPresent() ? FLAG_AUTO_PROXY_URL : 0)
                | (settings.autoDetect() ? FLAG_AUTO_DETECT : 0);
        return new WinInetConnectionSettings(VERSION, counter + 1, next, settings.manual().map(UpdateProxy.Fixed::server).orElse(proxy),
                settings.manual().map(UpdateProxy.Fixed::bypass).orElse(bypass), settings.pacUrl().orElse(autoConfigUrl));
    }

    /** A user who never set anything: direct, counter 0. */
    public static WinInetConnectionSettings fresh() {
        return new WinInetConnectionSettings(VERSION, 0, FLAG_DIRECT, "", "", "");
    }

    /** The bytes, with the 32 zero bytes Windows writes after the setup script's URL (the auto-detection state). */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(version).putInt(counter).putInt(flags);
        out.writeBytes(header.array());
        for (String text : new String[] {proxy, bypass, autoConfigUrl}) {
            byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(raw.length).array());
            out.writeBytes(raw);
        }
        out.writeBytes(new byte[32]);
        return out.toByteArray();
    }
}
