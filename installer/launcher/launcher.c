/*
 * wuproxy's Windows launchers, built by build-launchers.sh with mingw-w64 (x64):
 *   wuproxy.exe   console subsystem: output and exit codes in a console, for commands and the MSI's actions
 *   wuproxyw.exe  windows subsystem (-DWINDOWLESS): no console window, for the tray at logon and the Start menu
 * Each finds a Java 17+ runtime (JAVA_HOME, the machine's JAVA_HOME in the registry, the JavaSoft registry
 * keys, java.exe on PATH), runs
 *   java -Ddorkbox.updates.Updates.ENABLE=false "-Dwuproxy.home=<its folder>" [agent options] -jar "<its folder>\wuproxy.jar" ARGS
 * with ARGS passed on exactly as typed, waits, and returns Java's exit code. Without Java it says what to
 * install (on stderr; wuproxyw.exe in the Application event log) and exits 1. It never opens a dialog.
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#define PATH_CHARS 4096
#define MIN_JAVA 17

/* The agent's JVM options, for the long-running commands (ServiceInstaller.JVM_OPTIONS says the same). */
static const wchar_t AGENT_OPTIONS[] = L"-Xms2m -Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xmn1m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -XX:CompileThresholdScaling=10";
/* The short commands': the client compiler only, whose start costs less than the tiered one's (agent/wuproxy says the same). */
static const wchar_t CLI_OPTIONS[] = L"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

#ifdef WINDOWLESS
static const wchar_t JAVA_EXE[] = L"javaw.exe";
#else
static const wchar_t JAVA_EXE[] = L"java.exe";
#endif

static void report(const wchar_t *message)
{
#ifdef WINDOWLESS
    HANDLE log = RegisterEventSourceW(NULL, L"wuproxy");
    if (log) {
        ReportEventW(log, EVENTLOG_ERROR_TYPE, 0, 1, NULL, 1, 0, &message, NULL);
        DeregisterEventSource(log);
    }
#endif
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    if (err && err != INVALID_HANDLE_VALUE) {
        char text[2 * PATH_CHARS];
        int length = WideCharToMultiByte(CP_UTF8, 0, message, -1, text, sizeof text - 2, NULL, NULL);
        if (length > 0) {
            DWORD written;
            text[length - 1] = '\r';
            text[length] = '\n';
            WriteFile(err, text, length + 1, &written, NULL);
        }
    }
}

static BOOL isFile(const wchar_t *path)
{
    DWORD attributes = GetFileAttributesW(path);
    return attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY);
}

/* The major version in HOME\release (JAVA_VERSION="17.0.9" or "1.8.0_392"); 0 when unknown. */
static int majorVersion(const wchar_t *home)
{
    wchar_t path[PATH_CHARS];
    if (_snwprintf(path, PATH_CHARS, L"%ls\\release", home) >= PATH_CHARS) return 0;
    FILE *file = _wfopen(path, L"rb");
    if (!file) return 0;
    char line[512];
    int major = 0;
    while (fgets(line, sizeof line, file)) {
        if (!strncmp(line, "JAVA_VERSION=\"", 14)) {
            major = atoi(line + 14);
            if (major == 1) major = atoi(line + 16);
            break;
        }
    }
    fclose(file);
    return major;
}

/* Fills JAVA with HOME\bin\<JAVA_EXE> when that exists and HOME is Java 17+; notes what it saw in SEEN. */
static BOOL tryHome(const wchar_t *home, wchar_t *java, wchar_t *seen, size_t seenSize)
{
    size_t length = wcslen(home);
    while (length > 0 && (home[length - 1] == L'\\' || home[length - 1] == L'/')) length--;
    if (length == 0 || length > PATH_CHARS - 32) return FALSE;
    if (_snwprintf(java, PATH_CHARS, L"%.*ls\\bin\\%ls", (int) length, home, JAVA_EXE) >= PATH_CHARS || !isFile(java)) return FALSE;
    wchar_t trimmed[PATH_CHARS];
    _snwprintf(trimmed, PATH_CHARS, L"%.*ls", (int) length, home);
    int major = majorVersion(trimmed);
    if (major >= MIN_JAVA) return TRUE;
    size_t used = wcslen(seen);
    _snwprintf(seen + used, seenSize - used, L"%ls %ls is Java %d", used ? L"," : L"", trimmed, major);
    return FALSE;
}

static BOOL fromRegistry(const wchar_t *product, wchar_t *java, wchar_t *seen, size_t seenSize)
{
    wchar_t key[256], version[64], home[PATH_CHARS];
    DWORD size = sizeof version;
    _snwprintf(key, 256, L"SOFTWARE\\JavaSoft\\%ls", product);
    if (RegGetValueW(HKEY_LOCAL_MACHINE, key, L"CurrentVersion", RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, NULL, version, &size)) return FALSE;
    _snwprintf(key, 256, L"SOFTWARE\\JavaSoft\\%ls\\%ls", product, version);
    size = sizeof home;
    if (RegGetValueW(HKEY_LOCAL_MACHINE, key, L"JavaHome", RRF_RT_REG_SZ | RRF_SUBKEY_WOW6464KEY, NULL, home, &size)) return FALSE;
    return tryHome(home, java, seen, seenSize);
}

/* The machine-wide JAVA_HOME as the registry has it now: a Java installed since Windows started
   (services, msiexec's actions) is not in this process's environment yet. */
static BOOL fromMachineEnvironment(wchar_t *java, wchar_t *seen, size_t seenSize)
{
    wchar_t raw[PATH_CHARS], home[PATH_CHARS];
    DWORD size = sizeof raw;
    if (RegGetValueW(HKEY_LOCAL_MACHINE, L"SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment", L"JAVA_HOME",
            RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, NULL, raw, &size)) return FALSE;
    DWORD length = ExpandEnvironmentStringsW(raw, home, PATH_CHARS);
    return length > 0 && length <= PATH_CHARS && tryHome(home, java, seen, seenSize);
}

static BOOL findJava(wchar_t *java, wchar_t *seen, size_t seenSize)
{
    wchar_t home[PATH_CHARS];
    DWORD length = GetEnvironmentVariableW(L"JAVA_HOME", home, PATH_CHARS);
    if (length > 0 && length < PATH_CHARS && tryHome(home, java, seen, seenSize)) return TRUE;
    if (fromMachineEnvironment(java, seen, seenSize)) return TRUE;
    if (fromRegistry(L"JDK", java, seen, seenSize) || fromRegistry(L"JRE", java, seen, seenSize)) return TRUE;
    wchar_t *file;
    if (SearchPathW(NULL, JAVA_EXE, NULL, PATH_CHARS, home, &file) && file > home + 5) {
        file[-1] = 0; /* ...\bin */
        wchar_t *bin = wcsrchr(home, L'\\');
        if (bin && !_wcsicmp(bin, L"\\bin")) {
            *bin = 0;
            return tryHome(home, java, seen, seenSize);
        }
    }
    return FALSE;
}

/* The command line after the program name, as typed (the CRT's rule for argv[0]: quoted, or up to a blank). */
static const wchar_t *arguments(void)
{
    const wchar_t *line = GetCommandLineW();
    if (*line == L'"') {
        line++;
        while (*line && *line != L'"') line++;
        if (*line) line++;
    } else {
        while (*line && *line != L' ' && *line != L'\t') line++;
    }
    while (*line == L' ' || *line == L'\t') line++;
    return line;
}

static BOOL isOneOf(const wchar_t *args, const wchar_t *const *commands, int count)
{
    for (int i = 0; i < count; i++) {
        size_t n = wcslen(commands[i]);
        if (!_wcsnicmp(args, commands[i], n) && (args[n] == 0 || args[n] == L' ' || args[n] == L'\t')) return TRUE;
    }
    return FALSE;
}

static const wchar_t *options(const wchar_t *args)
{
    static const wchar_t *const longRunning[] = {L"service", L"agent", L"tray"};
    static const wchar_t *const shortCommands[] = {L"explain", L"check", L"status", L"use", L"pause", L"resume", L"sync", L"reload"};
    if (isOneOf(args, longRunning, 3)) return AGENT_OPTIONS;
    return isOneOf(args, shortCommands, 8) ? CLI_OPTIONS : L"";
}

int main(void)
{
    wchar_t folder[PATH_CHARS], java[PATH_CHARS], seen[1024] = L"", message[2048];
    DWORD length = GetModuleFileNameW(NULL, folder, PATH_CHARS);
    if (length == 0 || length >= PATH_CHARS) {
        report(L"wuproxy: cannot tell where this launcher is installed");
        return 1;
    }
    *wcsrchr(folder, L'\\') = 0;
    if (!findJava(java, seen, sizeof seen / sizeof *seen)) {
        _snwprintf(message, 2048, L"wuproxy: no Java %d or later was found (looked at JAVA_HOME, the JavaSoft registry keys "
                "and java.exe on PATH%ls%ls). Install a 64-bit Java %d runtime, for example Eclipse Temurin %d with "
                "\"Set JAVA_HOME variable\", then run this again.", MIN_JAVA, seen[0] ? L"; found:" : L"", seen, MIN_JAVA, MIN_JAVA);
        report(message);
        return 1;
    }
    const wchar_t *args = arguments();
    size_t size = wcslen(java) + 2 * wcslen(folder) + wcslen(args) + 512;
    wchar_t *command = malloc(size * sizeof *command);
    if (!command) return 1;
    _snwprintf(command, size, L"\"%ls\" -Ddorkbox.updates.Updates.ENABLE=false \"-Dwuproxy.home=%ls\" %ls -jar \"%ls\\wuproxy.jar\" %ls",
            java, folder, options(args), folder, args);
    STARTUPINFOW startup = {sizeof startup};
    PROCESS_INFORMATION process;
    /* Ctrl-C reaches Java, which shares this console; the launcher waits for it to finish. */
    SetConsoleCtrlHandler(NULL, TRUE);
    if (!CreateProcessW(java, command, NULL, NULL, TRUE, 0, NULL, NULL, &startup, &process)) {
        _snwprintf(message, 2048, L"wuproxy: could not start %ls (Windows error %lu)", java, GetLastError());
        report(message);
        return 1;
    }
    WaitForSingleObject(process.hProcess, INFINITE);
    DWORD exitCode = 1;
    GetExitCodeProcess(process.hProcess, &exitCode);
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return (int) exitCode;
}
