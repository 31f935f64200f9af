package io.github.wuproxy.app;

import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RolloverFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;

/**
 * The log's rolling: wuproxy.log into wuproxy.1.log.gz … wuproxy.9.log.gz. Before anything moves it
 * checks that the live file can be moved: while another program holds it open (on Windows an editor
 * or a log viewer may), logback's own policy would shift every archive along at each try and compress
 * the same file again, so the history would be lost within minutes. Now nothing moves, logback logs a
 * warning and tries again at its next size check. A log left aside by a roll cut short goes into the
 * next archive, before what came since.
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

    /** A log left aside by a process killed between the two moves below is the log again, before it is opened. */
    @Override
    public void start() {
        String active = getParentsRawFileProperty();
        if (active != null) {
            Path live = Path.of(active);
            Path aside = aside(live);
            try {
                if (Files.isRegularFile(aside, LinkOption.NOFOLLOW_LINKS) && !Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(aside, live);
                }
            } catch (IOException e) {
                addWarn("the log left at " + aside + " could not be moved back: " + e);
            }
        }
        super.start();
    }

    private static Path aside(Path live) {
        return live.resolveSibling(live.getFileName() + ".rolling");
    }

    @Override
    public void rollover() throws RolloverFailure {
        Path live = Path.of(getActiveFileName());
        Path aside = aside(live);
        try {
            if (Files.isRegularFile(aside, LinkOption.NOFOLLOW_LINKS)) {
                // a roll cut short between the two moves below left the older log aside: it goes first, then what came since
                try (OutputStream older = Files.newOutputStream(aside, StandardOpenOption.APPEND)) {
                    Files.copy(live, older);
                }
                Files.move(aside, live, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(live, aside, StandardCopyOption.REPLACE_EXISTING); // a link there is replaced, never followed
            Files.move(aside, live, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RolloverFailure("the log " + live + " cannot be moved now (" + e + "), so it is not rolled yet");
        }
        super.rollover();
    }
}
