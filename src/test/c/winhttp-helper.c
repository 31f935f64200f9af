/*
 * wuproxy's own Win32 helper for the interop tests: drives WinHTTP's machine-wide proxy through
 * the real API, so Wine's winhttp.dll (or Windows) is the oracle for the Java WinHttpSettings codec.
 *   get                           WinHttpGetDefaultProxyConfiguration: "access=N proxy=P bypass=B" (<null> for NULL)
 *   set-direct                    WinHttpSetDefaultProxyConfiguration(NO_PROXY)
 *   set-named PROXY [BYPASS]      WinHttpSetDefaultProxyConfiguration(NAMED_PROXY)
 *   dump                          the raw WinHttpSettings value (64-bit view) as lower-case hex
 *   ie-get                        WinHttpGetIEProxyConfigForCurrentUser: "autodetect=N url=U proxy=P bypass=B"
 *   split HEX                     CommandLineToArgvW of the UTF-8 text HEX encodes: one argument a line, as hex
 * Exit: 0 ok, 1 the call failed (GetLastError printed), 2 usage.
 * Build: x86_64-w64-mingw32-gcc -o winhttp-helper.exe winhttp-helper.c -lwinhttp -ladvapi32 -lshell32
 */
#include <windows.h>
#include <winhttp.h>
#include <shellapi.h>
#include <stdio.h>
#include <string.h>

static void put(const char *label, const wchar_t *text)
{
    printf(" %s=", label);
    if (!text) { printf("<null>"); return; }
    for (; *text; text++) putchar(*text < 0x80 ? (char) *text : '?');
}

static wchar_t *widen(const char *text)
{
    static wchar_t buffers[2][4096];
    static int next;
    wchar_t *out = buffers[next++ & 1];
    MultiByteToWideChar(CP_UTF8, 0, text, -1, out, 4096);
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
    if (!strcmp(argv[1], "get")) {
        WINHTTP_PROXY_INFO info = {0};
        if (!WinHttpGetDefaultProxyConfiguration(&info)) return fail("WinHttpGetDefaultProxyConfiguration");
        printf("access=%lu", info.dwAccessType);
        put("proxy", info.lpszProxy);
        put("bypass", info.lpszProxyBypass);
        printf("\n");
        if (info.lpszProxy) GlobalFree(info.lpszProxy);
        if (info.lpszProxyBypass) GlobalFree(info.lpszProxyBypass);
        return 0;
    }
    if (!strcmp(argv[1], "set-direct") || !strcmp(argv[1], "set-named")) {
        WINHTTP_PROXY_INFO info = {0};
        info.dwAccessType = WINHTTP_ACCESS_TYPE_NO_PROXY;
        if (!strcmp(argv[1], "set-named")) {
            if (argc < 3) return 2;
            info.dwAccessType = WINHTTP_ACCESS_TYPE_NAMED_PROXY;
            info.lpszProxy = widen(argv[2]);
            info.lpszProxyBypass = argc > 3 ? widen(argv[3]) : NULL;
        }
        if (!WinHttpSetDefaultProxyConfiguration(&info)) return fail("WinHttpSetDefaultProxyConfiguration");
        return 0;
    }
    if (!strcmp(argv[1], "dump")) {
        BYTE data[8192];
        DWORD size = sizeof data, type = 0;
        LONG rc = RegGetValueW(HKEY_LOCAL_MACHINE,
                L"Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections",
                L"WinHttpSettings", RRF_RT_REG_BINARY | RRF_SUBKEY_WOW6464KEY, &type, data, &size);
        if (rc != ERROR_SUCCESS) { printf("RegGetValueW failed: %ld\n", rc); return 1; }
        for (DWORD i = 0; i < size; i++) printf("%02x", data[i]);
        printf("\n");
        return 0;
    }
    if (!strcmp(argv[1], "ie-get")) {
        WINHTTP_CURRENT_USER_IE_PROXY_CONFIG config = {0};
        if (!WinHttpGetIEProxyConfigForCurrentUser(&config)) return fail("WinHttpGetIEProxyConfigForCurrentUser");
        printf("autodetect=%d", config.fAutoDetect ? 1 : 0);
        put("url", config.lpszAutoConfigUrl);
        put("proxy", config.lpszProxy);
        put("bypass", config.lpszProxyBypass);
        printf("\n");
        return 0;
    }
    if (!strcmp(argv[1], "split")) {
        if (argc < 3 || strlen(argv[2]) % 2 || strlen(argv[2]) / 2 >= 4096) return 2;
        static char text[4096];
        size_t n = strlen(argv[2]) / 2;
        for (size_t i = 0; i < n; i++) {
            unsigned byte;
            if (sscanf(argv[2] + 2 * i, "%2x", &byte) != 1) return 2;
            text[i] = (char) byte;
        }
        text[n] = 0;
        int count = 0;
        wchar_t **args = CommandLineToArgvW(widen(text), &count);
        if (!args) return fail("CommandLineToArgvW");
        for (int i = 0; i < count; i++) {
            char utf8[8192];
            int length = WideCharToMultiByte(CP_UTF8, 0, args[i], -1, utf8, sizeof utf8, NULL, NULL);
            for (int j = 0; j + 1 < length; j++) printf("%02x", (unsigned char) utf8[j]);
            printf("\n");
        }
        LocalFree(args);
        return 0;
    }
    return 2;
}
