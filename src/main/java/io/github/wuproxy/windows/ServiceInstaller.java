package io.github.wuproxy.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import io.github.wuproxy.windows.win32.Advapi32Services;
import java.util.List;

/**
 * Registers wuproxy with the Service Control Manager: automatic start as LocalSystem, a
 * description, and restarts on failure (after 5 s, 30 s, 2 min), also after a stop with an error.
 * Needs an elevated administrator.
 */
public final class ServiceInstaller {
    public static final String NAME = "wuproxy";
    private static final int ERROR_SERVICE_EXISTS = 1073;
    static final String DISPLAY_NAME = "wuproxy: Windows Update proxy";
    static final String DESCRIPTION = "Keeps the Windows Update proxy (WinHTTP and BITS) right for the network this PC is on.";

    /**
     * The JVM options of the long-running processes (service, agent, tray): a small heap, one GC
     * thread, a young generation of 1 MB and a heap that gives back what it does not need after the
     * collection at the end of start-up, the client compiler only and only for code run ten times as
     * often as by default, no perf-data file. The launchers in agent/ and the exe say the
     * same (LaunchFilesTest checks); `mvn -Pbench verify` measures what they give.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms2m", "-Xmx64m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-XX:-UsePerfData", "-Xmn1m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:-ShrinkHeapInSteps",
            "-XX:CompileThresholdScaling=10");

    private ServiceInstaller() {}

    /**
     * The command line the service starts with: java.exe of the runtime this process runs on, the
     * agent's JVM options, the install folder (the SCM starts services in System32) and the jar.
     */
    public static String commandLine(String javaExe, String installFolder, String jar) {
        return quote(javaExe) + " " + String.join(" ", JVM_OPTIONS) + " -Ddorkbox.updates.Updates.ENABLE=false "
                + quote("-Dwuproxy.home=" + installFolder) + " -jar " + quote(jar) + " service";
    }

    /**
     * One argument in double quotes, as CommandLineToArgvW and Java's launcher split them: trailing
     * backslashes doubled so they do not escape the closing quote. A quote cannot be in a Windows path,
     * and a % would be expanded by the Service Control Manager, so both are refused.
     */
    static String quote(String argument) {
        if (argument.contains("\"") || argument.contains("%")) {
            throw new IllegalArgumentException("the service cannot be registered from a path with \" or %: " + argument
                    + ". Install wuproxy and Java in folders without those characters.");
        }
        int trailing = argument.length() - argument.replaceAll("\\\\+$", "").length();
        return "\"" + argument + "\\".repeat(trailing) + "\"";
    }

    /**
     * Registers the service, or brings an existing one (a repair, an upgrade, a Java update that
     * moved java.exe) to this command line and start type; then sets its description and restarts on
     * failure, and starts it (or restarts it, so it runs the new command line).
     */
    public static void install(String commandLine) {
        Winsvc.SC_HANDLE manager = open(Winsvc.SC_MANAGER_ALL_ACCESS);
        try {
            Winsvc.SC_HANDLE service = Advapi32.INSTANCE.CreateService(manager, NAME, DISPLAY_NAME, Winsvc.SERVICE_ALL_ACCESS,
                    WinNT.SERVICE_WIN32_OWN_PROCESS, WinNT.SERVICE_AUTO_START, WinNT.SERVICE_ERROR_NORMAL, commandLine, null, null,
                    null, null, null);
            boolean existed = false;
            if (service == null) {
                if (Kernel32.INSTANCE.GetLastError() != ERROR_SERVICE_EXISTS) {
                    throw failure("CreateService " + NAME);
                }
                existed = true;
                service = Advapi32.INSTANCE.OpenService(manager, NAME, Winsvc.SERVICE_ALL_ACCESS);
                if (service == null) {
                    throw failure("OpenService " + NAME);
                }
            }
            try (W32Service wrapped = new W32Service(service)) {
                if (existed && !Advapi32Services.load().ChangeServiceConfig(service, WinNT.SERVICE_WIN32_OWN_PROCESS, WinNT.SERVICE_AUTO_START,
                        WinNT.SERVICE_ERROR_NORMAL, commandLine, null, null, null, null, null, DISPLAY_NAME)) {
                    throw failure("ChangeServiceConfig " + NAME);
                }
                var description = new Winsvc.SERVICE_DESCRIPTION();
                description.lpDescription = DESCRIPTION;
                Advapi32.INSTANCE.ChangeServiceConfig2(service, Winsvc.SERVICE_CONFIG_DESCRIPTION, description);
                wrapped.setFailureActions(List.of(restartAfter(5_000), restartAfter(30_000), restartAfter(120_000)), 86_400, null, null);
                // Also restart after a stop with an error (no profiles yet, a failed start), not only after a crash.
                wrapped.setFailureActionsFlag(true);
                if (wrapped.queryStatus().dwCurrentState != Winsvc.SERVICE_STOPPED) {
                    wrapped.stopService(30_000);
                }
                wrapped.startService();
            }
        } finally {
            Advapi32.INSTANCE.CloseServiceHandle(manager);
        }
    }

    public static void uninstall() {
        Winsvc.SC_HANDLE manager = open(Winsvc.SC_MANAGER_ALL_ACCESS);
        try {
            Winsvc.SC_HANDLE service = Advapi32.INSTANCE.OpenService(manager, NAME, Winsvc.SERVICE_ALL_ACCESS);
            if (service == null) {
                throw failure("OpenService " + NAME);
            }
            try (W32Service wrapped = new W32Service(service)) {
                if (wrapped.queryStatus().dwCurrentState != Winsvc.SERVICE_STOPPED) {
                    wrapped.stopService(30_000);
                }
                if (!Advapi32.INSTANCE.DeleteService(service)) {
                    throw failure("DeleteService " + NAME);
                }
            }
        } finally {
            Advapi32.INSTANCE.CloseServiceHandle(manager);
        }
    }

    private static Winsvc.SC_ACTION restartAfter(int delayMs) {
        var action = new Winsvc.SC_ACTION();
        action.type = Winsvc.SC_ACTION_RESTART;
        action.delay = delayMs;
        return action;
    }

    private static Winsvc.SC_HANDLE open(int access) {
        Winsvc.SC_HANDLE manager = Advapi32.INSTANCE.OpenSCManager(null, null, access);
        if (manager == null) {
            throw failure("OpenSCManager");
        }
        return manager;
    }

    private static IllegalStateException failure(String call) {
        int code = Kernel32.INSTANCE.GetLastError();
        return new IllegalStateException(Win32Errors.describe(call, code, null)
                + (Win32Errors.isDenied(code) ? ". Run it from an elevated (administrator) prompt." : ""));
    }
}
