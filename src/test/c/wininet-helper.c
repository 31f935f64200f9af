/*
 * wuproxy's WinINet helper for the interop tests: sets and reads the current user's proxy through
 * the per-connection options, so Wine's wininet.dll (or Windows) is the oracle for the Java codec.
 *   set FLAGS PROXY BYPASS URL   InternetSetOptionW(INTERNET_OPTION_PER_CONNECTION_OPTION), then
 *                                INTERNET_OPTION_SETTINGS_CHANGED and INTERNET_OPTION_REFRESH (a refusal of
 *                                these two is printed as a warning); "-" for an empty string
 *   query                        InternetQueryOptionW: "flags=N proxy=P bypass=B url=U" (<null> for NULL)
 *   dump                         HKCU ...\Internet Settings\Connections\DefaultConnectionSettings as hex, or "absent"
 *   legacy                       HKCU ...\Internet Settings ProxyEnable, ProxyServer, ProxyOverride, AutoConfigURL
 * Exit: 0 ok, 1 the call failed (GetLastError printed), 2 usage.
 * Build: x86_64-w64-mingw32-gcc -o wininet-helper.exe wininet-helper.c -lwininet -ladvapi32
 */
#include <windows.h>
#include <wininet.h>
#include <stdio.h>
#include <string.h>

#define SETTINGS L"Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"

static void put(const char *label, const wchar_t *text)
{
    printf(" %s=", label);
    if (!text) { printf("<null>"); return; }
    for (; *text; text++) putchar(*text < 0x80 ? (char) *text : '?');
}

static wchar_t *widen(const char *text, wchar_t *out)
{
    if (!strcmp(text, "-")) { out[0] = 0; return out; }
    MultiByteToWideChar(CP_UTF8, 0, text, -1, out, 2048);
    return out;
}

static int fail(const char *call)
{
    printf("%s failed: %lu\n", call, GetLastError());
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    if (!strcmp(argv[1], "set")) {
        static wchar_t proxy[2048], bypass[2048], url[2048];
        if (argc != 6) return 2;
        INTERNET_PER_CONN_OPTIONW options[4];
        options[0].dwOption = INTERNET_PER_CONN_FLAGS;
        options[0].Value.dwValue = strtoul(argv[2], NULL, 0);
        options[1].dwOption = INTERNET_PER_CONN_PROXY_SERVER;
        options[1].Value.pszValue = widen(argv[3], proxy);
        options[2].dwOption = INTERNET_PER_CONN_PROXY_BYPASS;
        options[2].Value.pszValue = widen(argv[4], bypass);
        options[3].dwOption = INTERNET_PER_CONN_AUTOCONFIG_URL;
        options[3].Value.pszValue = widen(argv[5], url);
        INTERNET_PER_CONN_OPTION_LISTW list = {0};
        list.dwSize = sizeof list;
        list.pszConnection = NULL;
        list.dwOptionCount = 4;
        list.pOptions = options;
        if (!InternetSetOptionW(NULL, INTERNET_OPTION_PER_CONNECTION_OPTION, &list, sizeof list)) return fail("InternetSetOptionW");
        /* As the Java adapter does: the settings are stored; a refused announcement is only reported (Wine 8 refuses REFRESH, 12018). */
        if (!InternetSetOptionW(NULL, INTERNET_OPTION_SETTINGS_CHANGED, NULL, 0)) printf("warning: SETTINGS_CHANGED failed: %lu\n", GetLastError());
        if (!InternetSetOptionW(NULL, INTERNET_OPTION_REFRESH, NULL, 0)) printf("warning: REFRESH failed: %lu\n", GetLastError());
        return 0;
    }
    if (!strcmp(argv[1], "query")) {
        INTERNET_PER_CONN_OPTIONW options[4];
        options[0].dwOption = INTERNET_PER_CONN_FLAGS;
        options[1].dwOption = INTERNET_PER_CONN_PROXY_SERVER;
        options[2].dwOption = INTERNET_PER_CONN_PROXY_BYPASS;
        options[3].dwOption = INTERNET_PER_CONN_AUTOCONFIG_URL;
        INTERNET_PER_CONN_OPTION_LISTW list = {0};
        list.dwSize = sizeof list;
        list.dwOptionCount = 4;
        list.pOptions = options;
        DWORD size = sizeof list;
        if (!InternetQueryOptionW(NULL, INTERNET_OPTION_PER_CONNECTION_OPTION, &list, &size)) return fail("InternetQueryOptionW");
        printf("flags=%lu", options[0].Value.dwValue);
        put("proxy", options[1].Value.pszValue);
        put("bypass", options[2].Value.pszValue);
        put("url", options[3].Value.pszValue);
        printf("\n");
        for (int i = 1; i < 4; i++) if (options[i].Value.pszValue) GlobalFree(options[i].Value.pszValue);
        return 0;
    }
    if (!strcmp(argv[1], "dump")) {
        BYTE data[8192];
        DWORD size = sizeof data, type = 0;
        LONG rc = RegGetValueW(HKEY_CURRENT_USER, SETTINGS L"\\Connections", L"DefaultConnectionSettings",
                RRF_RT_REG_BINARY, &type, data, &size);
        if (rc == ERROR_FILE_NOT_FOUND) { printf("absent\n"); return 0; }
        if (rc != ERROR_SUCCESS) { printf("RegGetValueW failed: %ld\n", rc); return 1; }
        for (DWORD i = 0; i < size; i++) printf("%02x", data[i]);
        printf("\n");
        return 0;
    }
    if (!strcmp(argv[1], "legacy")) {
        DWORD enable = 0, size = sizeof enable;
        LONG rc = RegGetValueW(HKEY_CURRENT_USER, SETTINGS, L"ProxyEnable", RRF_RT_REG_DWORD, NULL, &enable, &size);
        printf("ProxyEnable=%s", rc == ERROR_SUCCESS ? (enable ? "1" : "0") : "<absent>");
        const wchar_t *names[] = {L"ProxyServer", L"ProxyOverride", L"AutoConfigURL"};
        const char *labels[] = {"ProxyServer", "ProxyOverride", "AutoConfigURL"};
        for (int i = 0; i < 3; i++) {
            wchar_t text[2048];
            DWORD bytes = sizeof text;
            rc = RegGetValueW(HKEY_CURRENT_USER, SETTINGS, names[i], RRF_RT_REG_SZ, NULL, text, &bytes);
            put(labels[i], rc == ERROR_SUCCESS ? text : NULL);
        }
        printf("\n");
        return 0;
    }
    return 2;
}
