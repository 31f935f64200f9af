/*
 * Prints the size and field offsets of every Windows structure wuproxy maps with JNA, as the
 * Windows SDK headers shipped with mingw-w64 define them for x64. WinHttpTypesLayoutTest compares
 * its JNA structures with this output, so no number in the test is typed by hand.
 * Build: x86_64-w64-mingw32-gcc -o layouts.exe layouts.c ; run under Wine or Windows.
 */
#include <windows.h>
#include <winhttp.h>
#include <stddef.h>
#include <stdio.h>

#define SIZE(T) printf(#T " size %u\n", (unsigned) sizeof(T))
#define FIELD(T, F) printf(#T "." #F " offset %u\n", (unsigned) offsetof(T, F))

int main(void)
{
    SIZE(WINHTTP_PROXY_INFO);
    FIELD(WINHTTP_PROXY_INFO, dwAccessType);
    FIELD(WINHTTP_PROXY_INFO, lpszProxy);
    FIELD(WINHTTP_PROXY_INFO, lpszProxyBypass);

    SIZE(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, fAutoDetect);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszAutoConfigUrl);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszProxy);
    FIELD(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszProxyBypass);

    SIZE(WINHTTP_AUTOPROXY_OPTIONS);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, dwFlags);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, dwAutoDetectFlags);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, lpszAutoConfigUrl);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, lpvReserved);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, dwReserved);
    FIELD(WINHTTP_AUTOPROXY_OPTIONS, fAutoLogonIfChallenged);
    return 0;
}
