package io.github.wuproxy.app;

import io.github.wuproxy.tray.TrayPresenter;

/** A tray's desk that opens nothing: for tests of the menu and the channel, not of folders and dialogs. */
final class NoDesk implements TrayPresenter.Desk {
    static final NoDesk INSTANCE = new NoDesk();

    @Override
    public void openProfiles() {}

    @Override
    public void openLogs() {}

    @Override
    public String diagnose() {
        return "";
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public void exit() {}
}
