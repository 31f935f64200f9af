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

    static BufferedImage of(TrayMenu.Icon icon) {
        return switch (icon) {
            case CORPORATE -> disc(new Color(0x1f5fbf), "C");
            case DIRECT -> disc(new Color(0x2e8b57), "D");
            case MOBILE -> disc(new Color(0xd98200), "M");
            case CUSTOM -> disc(new Color(0x6a5acd), "W");
            case PAUSED -> disc(new Color(0x808080), "II");
            case PROBLEM -> disc(new Color(0xc62828), "!");
        };
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
