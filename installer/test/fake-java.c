/*
 * A stand-in java.exe for installing the MSI under Wine, where no Windows Java can be had: it appends
 * its whole command line (UTF-8) as one line to calls.txt in the folder above its bin\, and exits 0.
 * check-msi-wine.sh reads that file to see how the launchers and the MSI's actions ran Java.
 * Build: x86_64-w64-mingw32-gcc -o java.exe fake-java.c
 */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

int main(void)
{
    wchar_t path[4096];
    DWORD length = GetModuleFileNameW(NULL, path, 4096);
    if (length == 0 || length >= 4096) return 3;
    for (int up = 0; up < 2; up++) *wcsrchr(path, L'\\') = 0;
    wcscat(path, L"\\calls.txt");
    FILE *calls = _wfopen(path, L"ab");
    if (!calls) return 3;
    char line[16384];
    int size = WideCharToMultiByte(CP_UTF8, 0, GetCommandLineW(), -1, line, sizeof line, NULL, NULL);
    if (size > 0) fprintf(calls, "%s\n", line);
    fclose(calls);
    return 0;
}
