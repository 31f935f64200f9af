package io.github.wuproxy.tray;

import java.util.List;

/**
 * What the tray shows, as plain values: built from the agent's status, rendered by a view, and
 * unit-tested without a display. {@code profile} is the profile in force, whose initial a custom profile's icon shows.
 */
public record TrayMenu(String statusLine, String tooltip, Icon icon, String profile, List<Item> items) {
    public TrayMenu {
        items = List.copyOf(items);
    }

    /** Which picture the tray shows. */
    public enum Icon {
        CORPORATE,
        DIRECT,
        MOBILE,
        CUSTOM,
        PAUSED,
        PROBLEM
    }

    /** One entry of the menu. */
    public sealed interface Item {}

    /** A command; disabled ones say why. */
    public record Action(String id, String label, boolean enabled, String disabledReason) implements Item {}

    /** A checkable entry: a profile, Automatic, or "Keep this choice". */
    public record Choice(String id, String label, boolean checked, boolean enabled) implements Item {}

    public record Separator() implements Item {}

    /** A nested menu; disabled ones say why. */
    public record Submenu(String label, List<Item> items, boolean enabled, String disabledReason) implements Item {
        public Submenu {
            items = List.copyOf(items);
        }
    }
}
