package io.github.wuproxy.windows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The names found by SID are ones Java's ACL code can look up again, whatever the Windows language. */
@EnabledOnOs(OS.WINDOWS)
class WindowsAccountsIT {
    @Test
    void namesFoundBySidAreLookedUpAgain() throws Exception {
        var lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        for (String sid : new String[] {WindowsAccounts.SYSTEM, WindowsAccounts.ADMINISTRATORS, WindowsAccounts.INTERACTIVE}) {
            String name = WindowsAccounts.name(sid);
            String found = lookup.lookupPrincipalByName(name).getName(); // throws UserPrincipalNotFoundException otherwise
            assertTrue(found.equalsIgnoreCase(name) || name.toLowerCase().endsWith(found.toLowerCase()), sid + ": " + name + " vs " + found);
        }
    }
}
