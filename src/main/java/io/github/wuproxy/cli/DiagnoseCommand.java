package io.github.wuproxy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wuproxy.core.proxy.Secrets;
import io.github.wuproxy.port.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wuproxy diagnose}: one consistency report, as text, JSON, or a zip for a help desk. */
@Command(name = "diagnose")
public final class DiagnoseCommand implements Callable<Integer> {
    private static final int LOG_LINES = 500;

    @Spec
    CommandSpec spec;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--bundle", paramLabel = "FILE")
    Path bundle;

    @Option(names = "--upload")
    boolean upload;

    /** Gathers the report for this machine (the composition root knows how); tests give their own. */
    public interface Source {
        ObjectNode gather() throws StoreException;
    }

    private final Source source;
    private final Path logs;
    private final java.util.function.Supplier<Optional<Path>> uploadFolder;
    private final io.github.wuproxy.port.FolderPermissions permissions;

    /** {@code uploadFolder} is asked only for {@code --upload}: every other command must not read the policy. */
    public DiagnoseCommand(Source source, Path logs, java.util.function.Supplier<Optional<Path>> uploadFolder,
            io.github.wuproxy.port.FolderPermissions permissions) {
        this.source = source;
        this.logs = logs;
        this.uploadFolder = uploadFolder;
        this.permissions = permissions;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ObjectNode report;
        try {
            report = source.gather();
        } catch (StoreException e) {
            spec.commandLine().getErr().println(Texts.get("diagnose.storeUnreadable", e.getMessage()));
            return ExitCodes.FAILURE;
        }
        String text = DiagnosisText.text(report);
        if (upload) {
            Optional<Path> folder = uploadFolder.get();
            if (folder.isEmpty()) {
                spec.commandLine().getErr().println(Texts.get("diagnose.noUploadFolder"));
                return ExitCodes.BAD_INPUT;
            }
            String host = java.net.InetAddress.getLoopbackAddress().getHostName();
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                // keep the loopback name
            }
            bundle = folder.get().resolve(host.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                    + report.path("generated").asText().replaceAll("[^0-9]", "").substring(0, 14) + ".zip");
        }
        out.print(json ? report.toPrettyString() + System.lineSeparator() : text);
        out.flush();
        if (bundle != null) {
            try {
                writeBundle(bundle, report, text);
                spec.commandLine().getErr().println(Texts.get("diagnose.wrote", bundle.toAbsolutePath()));
            } catch (IOException e) {
                spec.commandLine().getErr().println(Texts.get("diagnose.notWritten", bundle, e.getMessage()));
                return ExitCodes.FAILURE;
            }
        }
        return ExitCodes.OK;
    }

    /** Readable by its owner (and administrators) only, created so from the start, never written through a link. */
    private void writeBundle(Path file, ObjectNode report, String text) throws IOException {
        var options = java.util.Set.of(java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        java.nio.channels.SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, options, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            channel = Files.newByteChannel(file, options); // Windows: the ACL is set below
        }
        try {
            permissions.restrictFileToOwner(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        try (OutputStream raw = java.nio.channels.Channels.newOutputStream(channel); ZipOutputStream zip = new ZipOutputStream(raw)) {
            entry(zip, "report.txt", text);
            entry(zip, "report.json", report.toPrettyString());
            entry(zip, "log-tail.txt", logTail());
        }
    }

    private String logTail() {
        Path log = logs.resolve("wuproxy.log");
        if (!Files.isRegularFile(log, java.nio.file.LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(log)) {
            return Texts.get("diagnose.noLog", log) + "\n"; // never through a link, never blocking on a FIFO
        }
        Deque<String> tail = new ArrayDeque<>();
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                tail.addLast(Secrets.redact(line));
                if (tail.size() > LOG_LINES) {
                    tail.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return Texts.get("diagnose.logUnreadable", e.getMessage()) + "\n";
        }
        return String.join("\n", tail) + "\n";
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
