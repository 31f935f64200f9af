package io.github.wuproxy.ipc;

import static io.github.wuproxy.testing.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent ({@code wuproxy agent --headless}) in a process of its own, attacked through its real
 * socket: by another account, by a thousand idle and vanishing callers, at the descriptor limit, with
 * broken profiles. Figures are printed ("[channel] ..."), not asserted to the millisecond.
 * Another account: the client runs as nobody (uid 65534) through {@code setpriv --reuid=65534
 * --regid=65534 --clear-groups java -cp target/test-classes io.github.wuproxy.ipc.RawClient}.
 */
@EnabledOnOs(OS.LINUX)
class AgentChannelTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private Process agent;
    private Path data;
    private Path socket;

    private void startAgent(String... jvmOptions) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("agent"));
        Files.copy(Path.of("agent/logback.xml"), home.resolve("agent/logback.xml"));
        Files.writeString(home.resolve("agent/agent.conf"), "captive-portal-url = \"\"\nsettle-delay = 200ms\n");
        Files.createDirectories(home.resolve("profiles"));
        try (var files = Files.list(Path.of("profiles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".conf")).toList()) {
                Files.copy(file, home.resolve("profiles").resolve(file.getFileName()));
            }
        }
        data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x--x"));
        List<String> command = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), "-Dwuproxy.home=" + home,
                "-Dwuproxy.data=" + data, "-Ddorkbox.updates.Updates.ENABLE=false"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("io.github.wuproxy.app.Main", "agent", "--headless"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("agent.out").toFile());
        builder.environment().put("https_proxy", "http://proxy.corp.example:3128"); // so the first sync writes the machine's proxy
        agent = builder.start();
        socket = data.resolve("channel").resolve("agent.sock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!IpcClient.isAlive(socket)) {
            assertTrue(agent.isAlive(), () -> "the agent stopped: " + read(dir.resolve("agent.out")));
            assertTrue(System.nanoTime() < deadline, "the agent's channel did not open within 60 s");
            Thread.sleep(100);
        }
        assertTrue(status().path("ok").asBoolean());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(15, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void anotherAccountIsRefusedEvenWithACapturedAdministratorsRequestAndNothingChanges() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root") && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root and setpriv to run a caller as another account");
        startAgent();
        Path machine = data.resolve("simulated-machine.json");
        await("the first sync", () -> Files.exists(machine));
        JsonNode before = status().path("status");
        byte[] machineBefore = Files.readAllBytes(machine);
        String captured = new IpcClient(socket).line(IpcClient.request("pause")).strip();
        assertTrue(captured.contains("\"token\""), "root's request carries the admin token it can read: " + captured);

        List<String> shut = asNobody(1, "{\"v\":1,\"op\":\"status\"}", captured);
        for (String answer : shut) {
            assertTrue(answer.startsWith("ERROR") && answer.contains("Permission denied"), "the channel's folder keeps nobody out: " + answer);
        }

        Cli cli = cliAsNobody("status");
        assertEquals(1, cli.exit(), cli.output());
        assertTrue(cli.output().contains("user nobody may not reach the agent's channel: " + socket.getParent()
                + " is open only to the account the agent runs as"), cli.output());
        System.out.println("[channel] `wuproxy status` as nobody: " + cli.output().strip());
        // A folder further up that nobody may not enter: named too, not taken for an agent that is not running.
        var open = Files.getPosixFilePermissions(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        try {
            Cli above = cliAsNobody("status");
            assertEquals(1, above.exit(), above.output());
            assertTrue(above.output().contains("user nobody may not reach the agent's channel: " + data + " is open only to"), above.output());
        } finally {
            Files.setPosixFilePermissions(data, open);
        }

        // Defence in depth: with the folder and the socket opened (by mistake), the kernel's word on the caller still decides.
        Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
        String[] attempts = {"{\"v\":1,\"op\":\"status\"}", "{\"v\":1,\"op\":\"use\",\"profile\":\"direct\"}", "{\"v\":1,\"op\":\"set\","
                + "\"proxy\":{\"mode\":\"fixed\",\"server\":\"evil.example:80\",\"bypass\":\"\"}}", "{\"v\":1,\"op\":\"reload\"}", captured};
        List<String> answers = asNobody(1, attempts);
        assertEquals(attempts.length, answers.size(), answers.toString());
        for (String answer : answers) {
            assertTrue(answer.contains("\"refusal\":\"not-allowed\"") && answer.contains("user nobody may not"), answer);
        }
        Cli pause = cliAsNobody("pause");
        assertEquals(1, pause.exit(), pause.output());
        assertTrue(pause.output().startsWith("The agent refused: user nobody may not ask the agent for `pause`: only administrators may"), pause.output());
        System.out.println("[channel] `wuproxy pause` as nobody, folder opened: " + pause.output().strip());
        long logBefore = logBytes();
        long started = System.nanoTime();
        String flood = asNobody(10_000, captured).get(0);
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(1000);
        long logged = logBytes() - logBefore;
        System.out.printf("[channel] 10000 replays of a captured admin request by nobody: %s; in %.1f s; the agent's log and output grew by %d bytes%n",
                flood.substring(0, flood.indexOf(';')), seconds, logged);
        assertTrue(flood.startsWith("10000 of 10000 refused"), flood);
        assertTrue(logged < 16 * 1024, "refusals are logged at a bounded rate, not " + logged + " bytes for 10000");

        JsonNode after = status().path("status");
        assertEquals(before.path("profile"), after.path("profile"));
        assertEquals(before.path("paused"), after.path("paused"));
        assertEquals(before.path("desired"), after.path("desired"));
        assertTrue(java.util.Arrays.equals(machineBefore, Files.readAllBytes(machine)), "the machine's proxy is untouched");
    }

    @Test
    void aThousandIdleAndAThousandVanishingCallersLeaveNoTraceAndStatusStillAnswers() throws Exception {
        startAgent();
        long pid = agent.pid();
        warmUp();
        int fdsBefore = descriptors(pid);
        List<SocketChannel> idle = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            idle.add(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
        }
        long started = System.nanoTime();
        JsonNode answer = new IpcClient(socket).send(IpcClient.request("status"), GENEROUS);
        long statusMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        int fdsHeld = descriptors(pid);
        for (SocketChannel channel : idle) {
            channel.close();
        }
        for (int i = 0; i < 1000; i++) {
            SocketChannel.open(UnixDomainSocketAddress.of(socket)).close();
        }
        started = System.nanoTime();
        answer = new IpcClient(socket).send(IpcClient.request("status"), GENEROUS);
        long afterMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
        await("the agent's descriptors back to " + fdsBefore, () -> descriptors(pid) <= fdsBefore);
        int fdsAfter = descriptors(pid);
        Thread.sleep(1000);
        double cpu = cpuSecondsPerSecond(pid, Duration.ofSeconds(2));
        System.out.printf("[channel] 1000 idle connections: status answered in %d ms; agent descriptors %d before, %d while held, %d after "
                + "1000 connect-and-close (status then in %d ms); agent CPU afterwards %.3f s per s%n", statusMillis, fdsBefore, fdsHeld, fdsAfter,
                afterMillis, cpu);
        assertTrue(cpu < 0.5, "the agent is idle afterwards, not spinning: " + cpu + " s of CPU per second");
    }

    @Test
    void atTheDescriptorLimitTheChannelBacksOffQuietlyAndRecovers() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs prlimit to lower the agent's descriptor limit");
        startAgent();
        long pid = agent.pid();
        warmUp();
        int limit = descriptors(pid) + 30;
        String soft = Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits")).stream().filter(l -> l.startsWith("Max open files"))
                .findFirst().orElseThrow().split("\\s+")[3];
        run("/usr/bin/prlimit", "--pid", Long.toString(pid), "--nofile=" + limit + ":");
        long logBefore = logBytes();
        List<SocketChannel> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.configureBlocking(false);
                try {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    idle.add(channel);
                } catch (IOException backlogFull) {
                    channel.close();
                }
            }
            Thread.sleep(500);
            double cpu = cpuSecondsPerSecond(pid, Duration.ofSeconds(3));
            long logged = logBytes() - logBefore;
            System.out.printf("[channel] at the descriptor limit (%d) with %d callers waiting: agent CPU %.3f s per s; log and output grew by %d bytes%n",
                    limit, idle.size(), cpu, logged);
            assertTrue(cpu < 0.5, "the accept loop backs off instead of spinning: " + cpu + " s of CPU per second");
            assertTrue(logged < 16 * 1024, "the log is not flooded: " + logged + " bytes");
        } finally {
            for (SocketChannel channel : idle) {
                channel.close();
            }
            run("/usr/bin/prlimit", "--pid", Long.toString(pid), "--nofile=" + soft + ":");
        }
        long started = System.nanoTime();
        JsonNode answer = new IpcClient(socket).send(IpcClient.request("status"), GENEROUS);
        System.out.printf("[channel] after the limit was lifted, status answered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertTrue(answer.path("ok").asBoolean(), answer.toString());
    }

    @Test
    void reloadingDeeplyNestedOrHugeProfilesIsAnsweredAndTheChannelGoesOn() throws Exception {
        startAgent("-Xmx64m");
        Path profiles = Files.createDirectories(data.resolve("profiles"));
        Files.writeString(profiles.resolve("nested.conf"), "kind = direct\nmatch { a = " + "{b:".repeat(100_000) + "1" + "}".repeat(100_000) + " }\n");
        JsonNode nested = new IpcClient(socket).send(IpcClient.request("reload"), GENEROUS);
        System.out.println("[channel] reload of a profile nested 100000 deep: " + nested);
        assertFalse(nested.path("ok").asBoolean());
        assertFalse(nested.path("error").asText().isBlank());
        assertTrue(status().path("ok").asBoolean(), "the channel still answers");

        Files.delete(profiles.resolve("nested.conf"));
        try (var out = Files.newBufferedWriter(profiles.resolve("huge.conf"), StandardCharsets.UTF_8)) {
            out.write("kind = direct\nnotes = [");
            String item = "\"" + "x".repeat(1000) + "\",";
            for (int i = 0; i < 48_000; i++) {
                out.write(item);
            }
            out.write("]\n");
        }
        JsonNode huge = new IpcClient(socket).send(IpcClient.request("reload"), Duration.ofSeconds(180));
        String shown = huge.toString();
        System.out.println("[channel] reload of a 48 MB profile with a 64 MB heap: " + shown.substring(0, Math.min(400, shown.length())));
        assertFalse(huge.path("ok").asBoolean());
        assertFalse(huge.path("error").asText().isBlank());
        Files.delete(profiles.resolve("huge.conf"));
        assertTrue(status().path("ok").asBoolean(), "the channel still answers");
        JsonNode good = new IpcClient(socket).send(IpcClient.request("reload"), GENEROUS);
        assertTrue(good.path("ok").asBoolean(), "a good reload after the broken ones works: " + good);
    }

    private JsonNode status() throws IOException {
        return new IpcClient(socket).send(IpcClient.request("status"), GENEROUS);
    }

    /** Loads what the first connections load (classes, their jar files) before descriptors are counted. */
    private void warmUp() throws Exception {
        for (int i = 0; i < 20; i++) {
            SocketChannel.open(UnixDomainSocketAddress.of(socket)).close();
            SocketChannel idle = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            status();
            idle.close();
        }
        Thread.sleep(1500);
    }

    private List<String> asNobody(int repeat, String... lines) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", java(),
                "-XX:-UsePerfData", "-cp", Path.of("target/test-classes").toAbsolutePath().toString(), RawClient.class.getName(),
                socket.toString(), Integer.toString(repeat)));
        command.addAll(List.of(lines));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(120, TimeUnit.SECONDS), "the client as nobody finished");
        assertEquals(0, client.exitValue(), out);
        return out.lines().toList();
    }

    private record Cli(int exit, String output) {}

    /** The real CLI as nobody: the test's class path linked into a folder nobody may read (root's Maven repository is closed to it). */
    private Cli cliAsNobody(String... args) throws Exception {
        Path jars = Files.createDirectories(dir.resolve("classpath"));
        Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> classpath = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry);
            if (Files.isRegularFile(from)) {
                Path link = jars.resolve((n++) + "-" + from.getFileName());
                try {
                    Files.createLink(link, from);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(from, link);
                }
                Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("rw-r--r--"));
                classpath.add(link.toString());
            } else {
                classpath.add(from.toAbsolutePath().toString());
            }
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", java(),
                "-XX:-UsePerfData", "-cp", String.join(java.io.File.pathSeparator, classpath), "-Dwuproxy.data=" + data,
                "io.github.wuproxy.app.Main"));
        command.addAll(List.of(args));
        Process client = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(120, TimeUnit.SECONDS), "the CLI as nobody finished");
        return new Cli(client.exitValue(), out);
    }

    private long logBytes() throws IOException {
        long bytes = Files.size(dir.resolve("agent.out"));
        Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    bytes += Files.size(file);
                }
            }
        }
        return bytes;
    }

    private static int descriptors(long pid) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The process's user and system CPU time (from /proc/PID/stat) over {@code window}, per second. */
    private static double cpuSecondsPerSecond(long pid, Duration window) throws Exception {
        long before = cpuTicks(pid);
        Thread.sleep(window.toMillis());
        return (cpuTicks(pid) - before) / 100.0 / window.toSeconds();
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
    }


    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
