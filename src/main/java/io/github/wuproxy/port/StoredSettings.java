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
 */
public record StoredSettings(byte[] winHttpSettings, Optional<UpdateProxy> winHttp, Map<String, String> bitsRaw, Optional<UpdateProxy> bits) {
    public StoredSettings {
        winHttpSettings = winHttpSettings.clone();
        bitsRaw = java.util.Collections.unmodifiableMap(new TreeMap<>(bitsRaw));
    }

    @Override
    public byte[] winHttpSettings() {
        return winHttpSettings.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSettings that
                && Arrays.equals(winHttpSettings, that.winHttpSettings)
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
