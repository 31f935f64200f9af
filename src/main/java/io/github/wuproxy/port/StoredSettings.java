package io.github.wuproxy.port;

import io.github.wuproxy.core.proxy.UpdateProxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the machine holds now, exactly as stored, so it can be backed up and put back byte for byte.
 *
 * @param winHttpSettings the raw WinHttpSettings registry value; empty when the value does not exist
 * @param winHttp what it means, or empty when it is in a form wuproxy does not understand
 * @param bitsRaw the BITS proxy usage per service account, as the store reports it
 * @param bits the BITS proxy when all accounts agree on direct or one fixed proxy, else empty
 * @param winHttpSettings32 the raw value in the 32-bit registry view (WOW6432Node); empty when it does not exist
 */
public record StoredSettings(byte[] winHttpSettings, Optional<UpdateProxy> winHttp, Map<String, String> bitsRaw, Optional<UpdateProxy> bits,
        byte[] winHttpSettings32) {
    public StoredSettings {
        // copies made with Arrays.copyOf: the client compiler calls into the VM for clone() (simulate copies these at every step)
        winHttpSettings = java.util.Arrays.copyOf(winHttpSettings, winHttpSettings.length);
        winHttpSettings32 = java.util.Arrays.copyOf(winHttpSettings32, winHttpSettings32.length);
        bitsRaw = java.util.Collections.unmodifiableMap(new TreeMap<>(bitsRaw));
    }

    /** Where there is one registry view, or both hold the same bytes. */
    public StoredSettings(byte[] winHttpSettings, Optional<UpdateProxy> winHttp, Map<String, String> bitsRaw, Optional<UpdateProxy> bits) {
        this(winHttpSettings, winHttp, bitsRaw, bits, winHttpSettings);
    }

    @Override
    public byte[] winHttpSettings() {
        return java.util.Arrays.copyOf(winHttpSettings, winHttpSettings.length);
    }

    @Override
    public byte[] winHttpSettings32() {
        return java.util.Arrays.copyOf(winHttpSettings32, winHttpSettings32.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSettings that
                && Arrays.equals(winHttpSettings, that.winHttpSettings)
                && Arrays.equals(winHttpSettings32, that.winHttpSettings32)
                && winHttp.equals(that.winHttp)
                && bitsRaw.equals(that.bitsRaw)
                && bits.equals(that.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(winHttpSettings) * 31 + bitsRaw.hashCode();
    }

    @Override
    public String toString() {
        return "StoredSettings[winHttp=" + winHttp.map(UpdateProxy::describe).orElse("?") + ", bits=" + bitsRaw + "]";
    }
}
