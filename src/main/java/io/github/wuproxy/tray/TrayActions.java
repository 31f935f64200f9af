package io.github.wuproxy.tray;

/** What a click in the tray asks for; ids are those of {@link TrayMenus}. Called on the tray's event thread. */
public interface TrayActions {
    void selected(String id);
}
