package io.github.wuproxy.tray;

import dorkbox.systemTray.Checkbox;
import dorkbox.systemTray.Entry;
import dorkbox.systemTray.MenuItem;
import dorkbox.systemTray.Separator;
import dorkbox.systemTray.SystemTray;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a {@link TrayMenu} with dorkbox SystemTray (a native icon on Windows, Swing or GTK
 * elsewhere). Thin on purpose: all decisions are in {@link TrayMenus}.
 */
public final class DorkboxTrayView implements TrayView {
    private static final Logger log = LoggerFactory.getLogger(DorkboxTrayView.class);
    private final SystemTray tray;
    private final TrayActions actions;
    private String shownIcon = "";

    private DorkboxTrayView(SystemTray tray, TrayActions actions) {
        this.tray = tray;
        this.actions = actions;
    }

    /** The tray, or empty with the reason logged when this session has none (headless, no tray host). */
    public static Optional<DorkboxTrayView> start(TrayActions actions) {
        // dorkbox phones home unless this is off before its classes load (Main sets it too).
        System.setProperty("dorkbox.updates.Updates.ENABLE", "false");
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.empty(); // TrayView.start says so, once
        }
        SystemTray tray;
        try {
            tray = SystemTray.get("wuproxy");
        } catch (RuntimeException | LinkageError e) {
            log.warn("the system tray could not be loaded ({}); running without a tray icon", e.toString());
            return Optional.empty();
        }
        if (tray == null) {
            log.info("this session has no system tray; running without a tray icon");
            return Optional.empty();
        }
        return Optional.of(new DorkboxTrayView(tray, actions));
    }

    /** Replaces what the tray shows; safe from any thread (dorkbox hands the work to its own). */
    @Override
    public synchronized void show(TrayMenu menu) {
        if (!TrayIcons.key(menu).equals(shownIcon)) {
            tray.setImage(TrayIcons.of(menu.icon(), menu.profile()));
            shownIcon = TrayIcons.key(menu);
        }
        tray.setTooltip(menu.tooltip());
        tray.setStatus(menu.statusLine());
        var root = tray.getMenu();
        for (Entry entry : new ArrayList<>(root.getEntries())) {
            if (!(entry instanceof dorkbox.systemTray.Status)) {
                root.remove(entry);
            }
        }
        add(root, menu.items());
    }

    private void add(dorkbox.systemTray.Menu root, java.util.List<TrayMenu.Item> items) {
        for (TrayMenu.Item item : items) {
            if (item instanceof TrayMenu.Submenu submenu) {
                dorkbox.systemTray.Menu nested = new dorkbox.systemTray.Menu(submenu.label());
                root.add(nested);
                add(nested, submenu.items());
                nested.setEnabled(submenu.enabled());
            } else if (item instanceof TrayMenu.Separator) {
                root.add(new Separator());
            } else if (item instanceof TrayMenu.Choice choice) {
                Checkbox box = new Checkbox(choice.label(), e -> actions.selected(choice.id()));
                box.setChecked(choice.checked());
                box.setEnabled(choice.enabled());
                root.add(box);
            } else if (item instanceof TrayMenu.Action action) {
                MenuItem entry = new MenuItem(action.label(), e -> actions.selected(action.id()));
                entry.setEnabled(action.enabled());
                if (!action.enabled() && !action.disabledReason().isEmpty()) {
                    entry.setTooltip(action.disabledReason());
                }
                root.add(entry);
            }
        }
    }

    @Override
    public void close() {
        tray.shutdown();
    }
}
