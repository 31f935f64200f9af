package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import io.github.wuproxy.port.Policy;
import io.github.wuproxy.port.PolicySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The policy values the ADMX template (installer/wuproxy.admx) writes under HKLM\SOFTWARE\Policies\wuproxy. */
public final class RegistryPolicySource implements PolicySource {
    private static final Logger log = LoggerFactory.getLogger(RegistryPolicySource.class);
    public static final String KEY = "SOFTWARE\\Policies\\wuproxy";

    @Override
    public Policy read() {
        try {
            if (!Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, KEY, WinNT.KEY_WOW64_64KEY)) {
                return Policy.NONE;
            }
            return interpret(Advapi32Util.registryGetValues(WinReg.HKEY_LOCAL_MACHINE, KEY, WinNT.KEY_WOW64_64KEY));
        } catch (Win32Exception e) {
            log.warn("could not read the wuproxy policy: {}", e.getMessage());
            return Policy.NONE;
        }
    }

    /** Registry values (REG_SZ as String, REG_DWORD as Integer, REG_MULTI_SZ as String[]) to a policy; bad values are ignored and logged. */
    static Policy interpret(Map<String, Object> values) {
        return new Policy(
                text(values, "ProfilesFolder").map(Path::of),
                dword(values, "LockChoice").orElse(0) == 1,
                list(values, "AllowedProfiles"),
                dword(values, "SettleDelaySeconds").filter(s -> s >= 0 && s <= 60).map(Duration::ofSeconds),
                text(values, "ForeignWrite").map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> s.equals("reassert") || s.equals("yield")),
                dword(values, "Notifications").map(n -> n != 0),
                text(values, "DiagnosticsFolder").map(Path::of));
    }

    private static Optional<String> text(Map<String, Object> values, String name) {
        return values.get(name) instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    private static Optional<Integer> dword(Map<String, Object> values, String name) {
        return values.get(name) instanceof Integer i ? Optional.of(i) : Optional.empty();
    }

    private static Set<String> list(Map<String, Object> values, String name) {
        Object value = values.get(name);
        if (value instanceof String[] many) {
            return Arrays.stream(many).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
        if (value instanceof String one) {
            return Arrays.stream(one.split("[;,]")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
