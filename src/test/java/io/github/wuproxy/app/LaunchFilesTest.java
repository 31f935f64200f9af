package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The launch files in agent/ and the Windows launchers name what the build makes and turn dorkbox's phone-home off, so a typo fails here. */
class LaunchFilesTest {
    @Test
    void bothLaunchersRunTheBuiltJarWithTheAgentsOptions() throws Exception {
        for (String launcher : List.of("agent/wuproxy", "agent/wuproxy.cmd")) {
            String text = Files.readString(Path.of(launcher));
            assertTrue(text.contains("wuproxy.jar"), launcher + " names the jar the pom builds");
            assertTrue(text.contains("-Ddorkbox.updates.Updates.ENABLE=false"), launcher + " turns the phone-home off");
            assertTrue(text.contains("-Dwuproxy.home="), launcher + " says where profiles/ and agent/ are");
            assertTrue(text.contains(String.join(" ", io.github.wuproxy.windows.ServiceInstaller.JVM_OPTIONS)),
                    launcher + " gives the long-running commands the agent's JVM options");
        }
        String exe = Files.readString(Path.of("installer", "launcher", "launcher.c"));
        for (String text : List.of(Files.readString(Path.of("agent/wuproxy")), Files.readString(Path.of("agent/wuproxy.cmd")), exe)) {
            assertTrue(text.contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData\""), "every launcher gives the short commands the same options");
        }
        assertTrue(exe.contains("AGENT_OPTIONS[] = L\"" + String.join(" ", io.github.wuproxy.windows.ServiceInstaller.JVM_OPTIONS) + "\";"),
                "the Windows launchers give the long-running commands the agent's JVM options");
        assertTrue(exe.contains("-Ddorkbox.updates.Updates.ENABLE=false \\\"-Dwuproxy.home=%ls\\\""), "and the phone-home off and the install folder");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theShellLauncherIsValidShAndSaysWhatToDoWithoutAJar(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path agent = Files.createDirectories(dir.resolve("agent"));
        Files.copy(Path.of("agent/wuproxy"), agent.resolve("wuproxy"));
        Process syntax = new ProcessBuilder("sh", "-n", agent.resolve("wuproxy").toString()).redirectErrorStream(true).start();
        assertEquals(0, syntax.waitFor());
        Process run = new ProcessBuilder("sh", agent.resolve("wuproxy").toString(), "--help").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertEquals(1, run.waitFor());
        assertTrue(output.contains("build it with: mvn -q package -DskipTests"), output);
    }
    @Test
    @EnabledOnOs(OS.LINUX)
    void theShellLauncherAsksGlibcJvmsThatCanToGiveBackFreedMemory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path agent = Files.createDirectories(dir.resolve("agent"));
        Files.copy(Path.of("agent/wuproxy"), agent.resolve("wuproxy"));
        Files.writeString(dir.resolve("wuproxy.jar"), "");
        Path fakeJava = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
        fakeJava.toFile().setExecutable(true);
        Process glibc = new ProcessBuilder("getconf", "GNU_LIBC_VERSION").start();
        boolean trims = glibc.waitFor() == 0;
        for (var version : java.util.Map.of("17.0.8", false, "17.0.9", true, "17.0.15", true, "17", false, "19.0.2", false, "21", false,
                "21.0.1", true, "22", true, "25.0.1", true, "x\";rm -rf /", false).entrySet()) {
            Files.writeString(dir.resolve("jdk/release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version.getKey() + "\"\n");
            for (String command : List.of("service", "agent", "status")) {
                var builder = new ProcessBuilder("sh", agent.resolve("wuproxy").toString(), command).redirectErrorStream(true);
                builder.environment().put("PATH", fakeJava.getParent() + ":" + System.getenv("PATH"));
                Process run = builder.start();
                String args = new String(run.getInputStream().readAllBytes());
                assertEquals(0, run.waitFor(), args);
                assertEquals(trims && version.getValue() && !command.equals("status"), args.contains("-XX:TrimNativeHeapInterval=30000 "),
                        version + " " + command + ": " + args);
                assertTrue(args.endsWith("wuproxy.jar " + command + "\n"), args);
            }
        }
    }
}
