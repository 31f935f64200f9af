package io.github.wuproxy.app;

import io.github.wuproxy.cli.Version;
import io.github.wuproxy.tray.TrayPresenter;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the tray opens on this desktop: the folders, a diagnose report, About. */
final class DeskActions implements TrayPresenter.Desk {
    private static final Logger log = LoggerFactory.getLogger(DeskActions.class);
    private final AgentPaths paths;
    private final Runnable exit;

    DeskActions(AgentPaths paths, Runnable exit) {
        this.paths = paths;
        this.exit = exit;
    }

    /** The machine profiles folder, where "Remember this network" writes and copies override the shipped ones. */
    @Override
    public void openProfiles() {
        open(paths.data().resolve("profiles"));
    }

    @Override
    public void openLogs() {
        open(paths.logs());
    }

    /** The text report in a temporary file, opened in the desktop's text viewer. */
    @Override
    public String diagnose() throws Exception {
        String text = io.github.wuproxy.cli.DiagnosisText.text(Main.diagnosis(paths).gather());
        java.nio.file.Path file = Files.createTempFile("wuproxy-diagnose-", ".txt");
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        open(file);
        return file.toString();
    }

    @Override
    public String version() {
        return Version.current();
    }

    @Override
    public void exit() {
        exit.run();
    }

    /** Opens a folder or a file with the desktop's own program. */
    static void open(Path folder) {
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
            }
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(folder.toFile());
            } else {
                log.info("open {} (this desktop cannot open folders)", folder);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("could not open {}: {}", folder, e.getMessage());
        }
    }
}
