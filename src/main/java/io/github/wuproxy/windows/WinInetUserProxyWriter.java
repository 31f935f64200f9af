package io.github.wuproxy.windows;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinReg;
import io.github.wuproxy.core.proxy.UpdateProxy;
import io.github.wuproxy.core.proxy.UserProxySettings;
import io.github.wuproxy.format.WinHttpSettingsFormatException;
import io.github.wuproxy.format.WinInetConnectionSettings;
import io.github.wuproxy.port.StoreException;
import io.github.wuproxy.port.UserProxySnapshot;
import io.github.wuproxy.port.UserProxyWriter;
import io.github.wuproxy.windows.win32.WinInet;
import io.github.wuproxy.windows.win32.WinInetTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's own WinINet proxy settings, written with the documented per-connection options
 * (InternetSetOptionW) and announced to running programs (SETTINGS_CHANGED, REFRESH). Read and
 * restored as the registry holds them ({@code DefaultConnectionSettings} and the older values beside
 * it), so a restore is byte for byte. {@link Scope#MACHINE} is the machine-wide copy under
 * ProxySettingsPerUser = 0, written by the service.
 */
public final class WinInetUserProxyWriter implements UserProxyWriter, io.github.wuproxy.port.UserProxySource {
    private static final Logger log = LoggerFactory.getLogger(WinInetUserProxyWriter.class);
    static final String SETTINGS = "Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";
    static final String CONNECTIONS = SETTINGS + "\\Connections";
    static final String VALUE = "DefaultConnectionSettings";
    static final String PROXY_ENABLE = "ProxyEnable";
    static final List<String> LEGACY_TEXT = List.of("ProxyServer", "ProxyOverride", "AutoConfigURL");

    /** Whose settings: the signed-in user's (HKCU) or the machine's (HKLM, ProxySettingsPerUser = 0). */
    public enum Scope {
        USER, MACHINE
    }

    private final WinInet winInet;
    private final WinReg.HKEY root;

    WinInetUserProxyWriter(WinInet winInet, Scope scope) {
        this.winInet = winInet;
        this.root = scope == Scope.USER ? WinReg.HKEY_CURRENT_USER : WinReg.HKEY_LOCAL_MACHINE;
    }

    public static WinInetUserProxyWriter open(Scope scope) {
        return new WinInetUserProxyWriter(WinInet.load(), scope);
    }

    @Override
    public UserProxySnapshot read() throws StoreException {
        try {
            byte[] raw = Advapi32Util.registryValueExists(root, CONNECTIONS, VALUE)
                    ? Advapi32Util.registryGetBinaryValue(root, CONNECTIONS, VALUE) : new byte[0];
            Map<String, String> legacy = new TreeMap<>();
            if (Advapi32Util.registryValueExists(root, SETTINGS, PROXY_ENABLE)) {
                legacy.put(PROXY_ENABLE, Integer.toString(Advapi32Util.registryGetIntValue(root, SETTINGS, PROXY_ENABLE)));
            }
            for (String name : LEGACY_TEXT) {
                if (Advapi32Util.registryValueExists(root, SETTINGS, name)) {
                    legacy.put(name, Advapi32Util.registryGetStringValue(root, SETTINGS, name));
                }
            }
            return new UserProxySnapshot(raw, legacy, interpret(raw));
        } catch (Win32Exception e) {
            throw failure("reading " + CONNECTIONS + "\\" + VALUE, e.getErrorCode());
        }
    }

    /** What the settings say now, for a service that reads the machine's own (ProxySettingsPerUser = 0). */
    @Override
    public Optional<UserProxySettings> current() {
        try {
            return read().settings();
        } catch (StoreException e) {
            log.warn("could not read the proxy settings: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** What the bytes say; a user who never set anything is direct. Empty when wuproxy cannot read them. */
    static Optional<UserProxySettings> interpret(byte[] raw) {
        if (raw.length == 0) {
            return Optional.of(UserProxySettings.DIRECT);
        }
        try {
            return WinInetConnectionSettings.decode(raw).asUserSettings();
        } catch (WinHttpSettingsFormatException e) {
            log.warn("the user's proxy settings are in a form wuproxy does not read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** One per-connection option: its number and a DWORD or a string value. */
    record Option(int option, int flags, String text) {}

    /**
     * The options that say {@code settings}, as Settings › Proxy sets them: DIRECT always in the flags;
     * a mode switched off keeps its text (as unticking a box does), so only what is switched on is sent.
     */
    static List<Option> options(UserProxySettings settings) {
        int flags = WinInetTypes.PROXY_TYPE_DIRECT;
        List<Option> options = new ArrayList<>();
        if (settings.manual().isPresent()) {
            UpdateProxy.Fixed fixed = settings.manual().get();
            flags |= WinInetTypes.PROXY_TYPE_PROXY;
            options.add(new Option(WinInetTypes.INTERNET_PER_CONN_PROXY_SERVER, 0, fixed.server()));
            options.add(new Option(WinInetTypes.INTERNET_PER_CONN_PROXY_BYPASS, 0, fixed.bypass()));
        }
        if (settings.pacUrl().isPresent()) {
            flags |= WinInetTypes.PROXY_TYPE_AUTO_PROXY_URL;
            options.add(new Option(WinInetTypes.INTERNET_PER_CONN_AUTOCONFIG_URL, 0, settings.pacUrl().get()));
        }
        if (settings.autoDetect()) {
            flags |= WinInetTypes.PROXY_TYPE_AUTO_DETECT;
        }
        options.add(0, new Option(WinInetTypes.INTERNET_PER_CONN_FLAGS, flags, null));
        return options;
    }

    @Override
    public void write(UserProxySettings settings) throws StoreException {
        Prepared prepared = prepare(options(settings));
        if (!winInet.InternetSetOptionW(null, WinInetTypes.INTERNET_OPTION_PER_CONNECTION_OPTION, prepared.list().getPointer(),
                prepared.list().size())) {
            throw failure("InternetSetOptionW(INTERNET_OPTION_PER_CONNECTION_OPTION)", Native.getLastError());
        }
        log.debug("set the proxy settings to {} ({} options)", settings.describe(), prepared.options().length);
        announce();
    }

    /** The option list in native memory, with what it points to kept reachable until the call returns. */
    record Prepared(WinInetTypes.INTERNET_PER_CONN_OPTION_LISTW list, WinInetTypes.INTERNET_PER_CONN_OPTIONW[] options, List<Memory> strings) {}

    /** Lays out {@code wanted} as INTERNET_PER_CONN_OPTION_LISTW with a contiguous INTERNET_PER_CONN_OPTIONW array; tested on any OS. */
    static Prepared prepare(List<Option> wanted) {
        var first = new WinInetTypes.INTERNET_PER_CONN_OPTIONW();
        var array = (WinInetTypes.INTERNET_PER_CONN_OPTIONW[]) first.toArray(wanted.size());
        List<Memory> strings = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Option option = wanted.get(i);
            array[i].dwOption = option.option();
            if (option.text() == null) {
                array[i].Value.setType(int.class);
                array[i].Value.dwValue = option.flags();
            } else {
                Memory text = WideStrings.of(option.text());
                strings.add(text);
                array[i].Value.setType(Pointer.class);
                array[i].Value.pszValue = text;
            }
            array[i].write();
        }
        var list = new WinInetTypes.INTERNET_PER_CONN_OPTION_LISTW();
        list.dwSize = list.size();
        list.pszConnection = null; // the LAN settings, which Delivery Optimization uses
        list.dwOptionCount = wanted.size();
        list.pOptions = first.getPointer();
        list.write();
        return new Prepared(list, array, List.copyOf(strings));
    }

    @Override
    public void restore(UserProxySnapshot original) throws StoreException {
        try {
            byte[] raw = original.connectionSettings();
            if (raw.length == 0) {
                if (Advapi32Util.registryValueExists(root, CONNECTIONS, VALUE)) {
                    Advapi32Util.registryDeleteValue(root, CONNECTIONS, VALUE);
                }
            } else {
                Advapi32Util.registryCreateKey(root, CONNECTIONS);
                Advapi32Util.registrySetBinaryValue(root, CONNECTIONS, VALUE, raw);
            }
            Map<String, String> legacy = original.legacy();
            for (String name : concat(PROXY_ENABLE, LEGACY_TEXT)) {
                String value = legacy.get(name);
                if (value == null) {
                    if (Advapi32Util.registryValueExists(root, SETTINGS, name)) {
                        Advapi32Util.registryDeleteValue(root, SETTINGS, name);
                    }
                } else if (name.equals(PROXY_ENABLE)) {
                    Advapi32Util.registrySetIntValue(root, SETTINGS, name, Integer.parseInt(value));
                } else {
                    Advapi32Util.registrySetStringValue(root, SETTINGS, name, value);
                }
            }
        } catch (Win32Exception e) {
            throw failure("writing " + CONNECTIONS + "\\" + VALUE, e.getErrorCode());
        }
        announce();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** Tells running programs to reload their proxy settings; the settings are stored already, so a refusal is only logged. */
    private void announce() {
        if (!winInet.InternetSetOptionW(null, WinInetTypes.INTERNET_OPTION_SETTINGS_CHANGED, null, 0)) {
            log.warn("{}", Win32Errors.describe("InternetSetOptionW(INTERNET_OPTION_SETTINGS_CHANGED)", Native.getLastError(), null));
        }
        if (!winInet.InternetSetOptionW(null, WinInetTypes.INTERNET_OPTION_REFRESH, null, 0)) {
            log.warn("{}", Win32Errors.describe("InternetSetOptionW(INTERNET_OPTION_REFRESH)", Native.getLastError(), null));
        }
    }

    private static StoreException failure(String call, int code) {
        return new StoreException(Win32Errors.isDenied(code) ? StoreException.Reason.DENIED : StoreException.Reason.FAILED,
                Win32Errors.describe(call, code, null));
    }
}
