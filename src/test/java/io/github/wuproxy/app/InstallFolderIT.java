package io.github.wuproxy.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built wuproxy.jar, started from another working folder (as Windows starts a service, in
 * System32, and as a user types a command anywhere), finds the shipped profiles beside it.
 */
class InstallFolderIT {
    private static final Path JAR = Path.of("target", "wuproxy.jar").toAbsolutePath();
    private static final Path ELSEWHERE = Path.of(System.getProperty("java.io.tmpdir")).getRoot();

    @TempDir
    Path dir;

    private record Run(int exit, String output) {}

    private Run run(Path jar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwuproxy.data=" + dir.resolve("data"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(ELSEWHERE.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finished");
        return new Run(process.exitValue(), output);
    }

    @Test
    void aCheckoutsJarFindsTheCheckoutsProfilesFromAnyFolder() throws Exception {
        Run check = run(JAR, "check");
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains(Path.of("profiles", "corporate.conf").toAbsolutePath().toString()), check.output());
        assertTrue(check.output().contains("3 profiles OK"), check.output());
    }

    @Test
    void anInstalledJarFindsTheProfilesBesideItAndTheAgentAnswersStatus() throws Exception {
        Path install = Files.createDirectories(dir.resolve("Program Files").resolve("wu proxy"));
        Files.copy(JAR, install.resolve("wuproxy.jar"));
        Files.createDirectories(install.resolve("profiles"));
        Files.createDirectories(install.resolve("agent"));
        for (String profile : List.of("corporate.conf", "direct.conf", "mobile.conf")) {
            Files.copy(Path.of("profiles", profile), install.resolve("profiles").resolve(profile));
        }
        for (String file : List.of("agent.conf", "logback.xml")) {
            Files.copy(Path.of("agent", file), install.resolve("agent").resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path jar = install.resolve("wuproxy.jar");

        Run check = run(jar, "check");
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains(install.resolve("profiles").resolve("mobile.conf").toString()), check.output());

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwuproxy.data=" + dir.resolve("data"), "-jar", jar.toString(), "agent", "--headless");
        Process agent = new ProcessBuilder(command).directory(ELSEWHERE.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.out").toFile()).start();
        try {
            Run status = new Run(1, "");
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < deadline && agent.isAlive(); ) {
                if (Files.exists(dir.resolve("data").resolve("channel").resolve("agent.sock"))) {
                    status = run(jar, "status", "--json");
                    if (status.exit() == 0) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
            assertEquals(0, status.exit(), status.output() + "\nagent: " + Files.readString(dir.resolve("agent.out")));
            assertTrue(status.output().contains("\"profile\""), status.output());
            assertTrue(Files.readString(dir.resolve("agent.out")).contains("profiles: corporate, direct, mobile"),
                    Files.readString(dir.resolve("agent.out")));
        } finally {
            agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
