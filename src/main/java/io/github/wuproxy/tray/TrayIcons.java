package io.github.wuproxy.tray;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The tray pictures, drawn at start so no image files need shipping: a coloured disc with a letter per state. */
final class TrayIcons {
    private static final int SIZE = 64;

    private TrayIcons() {}

    static BufferedImage of(TrayMenu.Icon icon, String profile) {
        return switch (icon) {
            case CORPORATE -> disc(new Color(0x1f5fbf), TrayTexts.get("icon.corporate"));
            case DIRECT -> disc(new Color(0x2e8b57), TrayTexts.get("icon.direct"));
            case MOBILE -> disc(new Color(0xd98200), TrayTexts.get("icon.mobile"));
            case CUSTOM -> disc(new Color(0x6a5acd), initial(profile));
            case PAUSED -> disc(new Color(0x808080), TrayTexts.get("icon.paused"));
            case PROBLEM -> disc(new Color(0xc62828), TrayTexts.get("icon.problem"));
        };
    }

    /** What a picture shows, so a view redraws only when it changes. */
    static String key(TrayMenu menu) {
        return menu.icon() == TrayMenu.Icon.CUSTOM ? menu.icon() + initial(menu.profile()) : menu.icon().name();
    }

    /** A custom profile's own initial on its purple disc ("lab" shows L); "W" for wuproxy when it has none. */
    static String initial(String profile) {
        return profile.codePoints().filter(Character::isLetterOrDigit).limit(1)
                .mapToObj(c -> new String(Character.toChars(c)).toUpperCase(java.util.Locale.ROOT)).findFirst().orElse(TrayTexts.get("icon.custom"));
    }

    private static BufferedImage disc(Color color, String letter) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(color);
            g.fillOval(2, 2, SIZE - 4, SIZE - 4);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3));
            g.drawOval(2, 2, SIZE - 4, SIZE - 4);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, letter.length() > 1 ? 28 : 36));
            var metrics = g.getFontMetrics();
            g.drawString(letter, (SIZE - metrics.stringWidth(letter)) / 2, (SIZE + metrics.getAscent() - metrics.getDescent()) / 2);
        } finally {
            g.dispose();
        }
        return image;
    }
}
