// Draws latchkey.png, the installer's icon (run once: java DrawIcon.java latchkey.png); kept so the
// icon can be made again or changed. Headless AWT: no display needed.
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class DrawIcon {
    public static void main(String[] args) throws Exception {
        int size = 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        // A rounded tile in the app's blue (AtlantaFX Primer's accent), lighter at the top.
        g.setPaint(new GradientPaint(0, 0, new Color(0x2f81f7), 0, size, new Color(0x0969da)));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56));
        // A key lying across the tile: a ring (bow), a shaft and two teeth.
        Area key = new Area(new Ellipse2D.Double(40, 84, 88, 88));
        key.subtract(new Area(new Ellipse2D.Double(64, 108, 40, 40)));
        key.add(new Area(new Rectangle2D.Double(120, 116, 100, 24)));
        key.add(new Area(new Rectangle2D.Double(176, 140, 18, 30)));
        key.add(new Area(new Rectangle2D.Double(202, 140, 18, 22)));
        g.setColor(new Color(0, 0, 0, 60));
        g.translate(0, 5);
        g.fill(key);
        g.translate(0, -5);
        g.setColor(Color.WHITE);
        g.fill(key);
        g.dispose();
        ImageIO.write(image, "png", new File(args.length > 0 ? args[0] : "latchkey.png"));
    }
}
