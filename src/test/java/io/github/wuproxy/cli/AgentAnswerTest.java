package io.github.wuproxy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `status` makes of an answer it did not expect, from something listening on the agent's socket. */
class AgentAnswerTest {
    @TempDir
    Path dir;

    @Test
    void anAnswerWithoutAStatusIsAFailureNotSilence() throws Exception {
        for (boolean json : new boolean[] {false, true}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertEquals(ExitCodes.FAILURE, ask("{\"v\":1,\"ok\":true,\"status\":[1,2]}", json, out, err));
            assertEquals("", out.toString());
            assertEquals("The agent's status was not understood: its answer holds no status", err.toString().strip());
        }
    }

    @Test
    void aRefusalInWordsOnlyIsShownEscaped() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.FAILURE, ask("{\"v\":1,\"ok\":false,\"refusal\":\"not-allowed\",\"error\":\"no\\u001b[2J\\nFAKE: all is well\"}",
                false, new StringWriter(), err));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        org.junit.jupiter.api.Assertions.assertTrue(err.toString().contains("no\\u001b[2J\\nFAKE: all is well"), err.toString());
    }

    @Test
    void aRequestTooLongForTheChannelIsABadInputBeforeAnythingIsSent() throws Exception {
        StringWriter err = new StringWriter();
        Path socket = java.nio.file.Files.createFile(dir.resolve("never-asked.sock"));
        var cli = new picocli.CommandLine(new WuProxyCli());
        AgentCommands.add(cli, "use", () -> socket, java.util.List::of);
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("use", "a".repeat(9000));
        assertEquals(ExitCodes.BAD_INPUT, exit);
        assertEquals("The request is too long for the agent's channel (at most 7680 bytes): is a name this long?", err.toString().strip());
    }

    private int ask(String answer, boolean json, StringWriter out, StringWriter err) throws Exception {
        Path socket = dir.resolve("agent-" + System.nanoTime() + ".sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread agent = new Thread(() -> {
                try (SocketChannel client = server.accept()) {
                    client.read(ByteBuffer.allocate(4096)); // the request line
                    client.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
                } catch (java.io.IOException e) {
                    // the test's assertions say what went wrong
                }
            });
            agent.start();
            int exit = AgentCommands.status(() -> socket, json).run(new PrintWriter(out, true), new PrintWriter(err, true));
            agent.join(10_000);
            return exit;
        }
    }
}
