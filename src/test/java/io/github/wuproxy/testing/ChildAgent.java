package io.github.wuproxy.testing;

import io.github.wuproxy.ipc.IpcClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** `wuproxy agent` in a process of its own, on a data folder, from this build's class path: killed as a crash would. */
public final class ChildAgent implements AutoCloseable {
    private final Process process;
    private final Path data;

    private ChildAgent(Process process, Path data) {
        this.process = process;
        this.data = data;
    }

    /** Starts it; {@link #awaitListening} waits for its channel. Its output goes to {@code output}. */
    public static ChildAgent start(Path data, Path output) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-Dwuproxy.data=" + data, "-Dwuproxy.home=" + Path.of("").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "io.github.wuproxy.app.Main", "agent");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildAgent(process, data);
    }

    public Process process() {
        return process;
    }

    /** True once the channel answers (the engine has started by then); false if the process ended first or time ran out. */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (IpcClient.isAlive(data.resolve("channel").resolve("agent.sock"))) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** SIGKILL: no shutdown hook, no flush, no unlock but the kernel's. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, and SIGKILL if it has not ended within 20 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
