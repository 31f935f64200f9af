package io.github.wuproxy.tray;

import java.util.Optional;
import org.slf4j.LoggerFactory;

/** Something that shows a {@link TrayMenu}: dorkbox's tray, or plain AWT's where dorkbox finds none. */
public interface TrayView {
    /** Replaces what the tray shows; safe from any thread. */
    void show(TrayMenu menu);

    void close();

    /** dorkbox first, then java.awt.SystemTray; empty, with the reason logged, when the session has no tray at all. */
    static Optional<TrayView> start(TrayActions actions) {
        if (java.awt.GraphicsEnvironment.isHeadless()) {
            LoggerFactory.getLogger(TrayView.class).info("no display: running without a tray icon");
            return Optional.empty();
        }
        // -Dwuproxy.tray=awt skips dorkbox, for machines where its menu does not open (dorkbox issue #209).
        Optional<TrayView> dorkbox = "awt".equals(System.getProperty("wuproxy.tray"))
                ? Optional.empty() : DorkboxTrayView.start(actions).map(TrayView.class::cast);
        if (dorkbox.isPresent()) {
            return dorkbox;
        }
        Optional<TrayView> awt = AwtTrayView.start(actions).map(TrayView.class::cast);
        if (awt.isEmpty()) {
            LoggerFactory.getLogger(TrayView.class).info("no system tray in this session; wuproxy runs without an icon");
        }
        return awt;
    }

}
