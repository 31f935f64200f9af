package io.github.wuproxy.windows;

import io.github.wuproxy.port.ServiceException;
import io.github.wuproxy.port.UpdateScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a scan with {@code UsoClient.exe StartScan}, the Update Orchestrator's own client, by
 * absolute path from System32 and with a fixed argument list. It only triggers the scan; results
 * come through the event log (issue #8 watches them).
 */
public final class UsoClientScanner implements UpdateScanner {
    private final Path usoClient;

    public UsoClientScanner(Path system32) {
        this.usoClient = system32.resolve("UsoClient.exe");
    }

    static List<String> command(Path usoClient) {
        return List.of(usoClient.toString(), "StartScan");
    }

    @Override
    public void startScan() throws ServiceException {
        try {
            Process process = new ProcessBuilder(command(usoClient)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ServiceException("UsoClient StartScan did not return within 60 s", false);
            }
            if (process.exitValue() != 0) {
                throw new ServiceException("UsoClient StartScan exited with " + process.exitValue(), process.exitValue() == 5);
            }
        } catch (IOException e) {
            throw new ServiceException("could not start " + usoClient + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while starting a scan", false);
        }
    }
}
