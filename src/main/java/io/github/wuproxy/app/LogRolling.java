package io.github.wuproxy.app;

import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RolloverFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The log's rolling: wuproxy.log into wuproxy.1.log.gz … wuproxy.9.log.gz. Before anything moves it
 * checks that the live file can be moved: while another program holds it open (on Windows an editor
 * or a log viewer may), logback's own policy would shift every archive along at each try and compress
 * the same file again, so the history would be lost within minutes. Now nothing moves, logback logs a
 * warning and tries again at its next size check.
 */
public final class LogRolling extends FixedWindowRollingPolicy {
    /** The archives' names in {@code logs}: {@code wuproxy.%i.log.gz}, 1 to 9. */
    static final int ARCHIVES = 9;

    static String archivePattern(String logs) {
        return logs + "/wuproxy.%i.log.gz";
    }

    static Path archive(Path logs, int index) {
        return logs.resolve("wuproxy." + index + ".log.gz");
    }

    public LogRolling() {
        setMinIndex(1);
        setMaxIndex(ARCHIVES);
    }

    @Override
    public void rollover() throws RolloverFailure {
        Path live = Path.of(getActiveFileName());
        Path aside = live.resolveSibling(live.getFileName() + ".rolling");
        try {
            Files.move(live, aside, StandardCopyOption.REPLACE_EXISTING); // a leftover of a crash right here is replaced
            Files.move(aside, live);
        } catch (IOException e) {
            throw new RolloverFailure("the log " + live + " cannot be moved now (" + e + "), so it is not rolled yet");
        }
        super.rollover();
    }
}
