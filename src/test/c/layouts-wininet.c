/*
 * Like layouts.c, for the structures and constants wuproxy maps from wininet.h, which cannot be
 * included beside winhttp.h. WineOracle.layouts() prints both; Win32LayoutTest compares them.
 * Build: x86_64-w64-mingw32-gcc -o layouts-wininet.exe layouts-wininet.c ; run under Wine or Windows.
 */
#include <windows.h>
#include <wininet.h>
#include <stddef.h>
#include <stdio.h>

#define SIZE(T) printf(#T " size %u\n", (unsigned) sizeof(T))
#define FIELD(T, F) printf(#T "." #F " offset %u\n", (unsigned) offsetof(T, F))
#define VALUE(C) printf(#C " value %u\n", (unsigned) (C))

int main(void)
{
    SIZE(INTERNET_PER_CONN_OPTIONW);
    FIELD(INTERNET_PER_CONN_OPTIONW, dwOption);
    FIELD(INTERNET_PER_CONN_OPTIONW, Value);

    SIZE(INTERNET_PER_CONN_OPTION_LISTW);
    FIELD(INTERNET_PER_CONN_OPTION_LISTW, dwSize);
    FIELD(INTERNET_PER_CONN_OPTION_LISTW, pszConnection);
    FIELD(INTERNET_PER_CONN_OPTION_LISTW, dwOptionCount);
    FIELD(INTERNET_PER_CONN_OPTION_LISTW, dwOptionError);
    FIELD(INTERNET_PER_CONN_OPTION_LISTW, pOptions);

    VALUE(INTERNET_OPTION_REFRESH);
    VALUE(INTERNET_OPTION_SETTINGS_CHANGED);
    VALUE(INTERNET_OPTION_PER_CONNECTION_OPTION);
    VALUE(INTERNET_PER_CONN_FLAGS);
    VALUE(INTERNET_PER_CONN_PROXY_SERVER);
    VALUE(INTERNET_PER_CONN_PROXY_BYPASS);
    VALUE(INTERNET_PER_CONN_AUTOCONFIG_URL);
    VALUE(PROXY_TYPE_DIRECT);
    VALUE(PROXY_TYPE_PROXY);
    VALUE(PROXY_TYPE_AUTO_PROXY_URL);
    VALUE(PROXY_TYPE_AUTO_DETECT);
    return 0;
}
