package io.github.wuproxy.tray;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.GraphicsEnvironment;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.util.List;
import java.util.Optional;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plain java.awt.TrayIcon fallback (right-click menu), for sessions where dorkbox finds no tray. */
public final class AwtTrayView implements TrayView {
    private static final Logger log = LoggerFactory.getLogger(AwtTrayView.class);
    private final TrayIcon icon;
    private final TrayActions actions;
    private String shownIcon = "";

    private AwtTrayView(TrayIcon icon, TrayActions actions) {
        this.icon = icon;
        this.actions = actions;
    }

    static Optional<AwtTrayView> start(TrayActions actions) {
        if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
            return Optional.empty();
        }
        TrayIcon icon = new TrayIcon(TrayIcons.of(TrayMenu.Icon.CUSTOM, ""), TrayTexts.get("tooltip.starting"));
        icon.setImageAutoSize(true);
        try {
            SystemTray.getSystemTray().add(icon);
        } catch (AWTException e) {
            log.warn("the AWT tray refused the icon: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new AwtTrayView(icon, actions));
    }

    @Override
    public void show(TrayMenu menu) {
        SwingUtilities.invokeLater(() -> {
            if (!TrayIcons.key(menu).equals(shownIcon)) {
                icon.setImage(TrayIcons.of(menu.icon(), menu.profile()));
                shownIcon = TrayIcons.key(menu);
            }
            icon.setToolTip(menu.tooltip());
            PopupMenu popup = new PopupMenu();
            MenuItem status = new MenuItem(menu.statusLine());
            status.setEnabled(false);
            popup.add(status);
            add(popup, menu.items());
            icon.setPopupMenu(popup);
        });
    }

    private void add(Menu parent, List<TrayMenu.Item> items) {
        for (TrayMenu.Item item : items) {
            if (item instanceof TrayMenu.Separator) {
                parent.addSeparator();
            } else if (item instanceof TrayMenu.Submenu submenu) {
                Menu nested = new Menu(submenu.label());
                nested.setEnabled(submenu.enabled());
                add(nested, submenu.items());
                parent.add(nested);
            } else if (item instanceof TrayMenu.Choice choice) {
                CheckboxMenuItem box = new CheckboxMenuItem(choice.label(), choice.checked());
                box.setEnabled(choice.enabled());
                box.addItemListener(e -> actions.selected(choice.id()));
                parent.add(box);
            } else if (item instanceof TrayMenu.Action action) {
                MenuItem entry = new MenuItem(action.label());
                entry.setEnabled(action.enabled());
                entry.addActionListener(e -> actions.selected(action.id()));
                parent.add(entry);
            }
        }
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }
}
