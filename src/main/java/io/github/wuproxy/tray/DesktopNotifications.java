package io.github.wuproxy.tray;

import dorkbox.notify.Notify;
import dorkbox.notify.Position;
import java.awt.GraphicsEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Short pop-ups near the tray (dorkbox Notify): a profile switch, once per settled change, and problems. */
public final class DesktopNotifications implements Notices {
    private static final Logger log = LoggerFactory.getLogger(DesktopNotifications.class);
    private static final long SHOWN_MS = 6_000;
    private final boolean enabled;

    /** {@code enabled} is the {@code notifications} setting; nothing shows without a display either way. */
    public DesktopNotifications(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void switched(String profile, String proxy, String why) {
        if (enabled) {
            show(false, TrayTexts.get("notice.switchedTitle", proxy), TrayTexts.get("notice.switchedText", profile, why));
        }
    }

    @Override
    public void problem(String headline) {
        if (enabled) {
            show(true, TrayTexts.get("notice.problemTitle"), headline);
        }
    }

    @Override
    public void info(String title, String text) {
        show(false, title, text);
    }

    private void show(boolean warning, String title, String text) {
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        try {
            Notify note = Notify.Companion.create().title(title).text(text).position(Position.BOTTOM_RIGHT).hideAfter(SHOWN_MS);
            if (warning) {
                note.showWarning();
            } else {
                note.showInformation();
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("could not show a notification: {}", e.toString());
        }
    }
}
