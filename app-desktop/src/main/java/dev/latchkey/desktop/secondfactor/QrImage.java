package dev.latchkey.desktop.secondfactor;

import io.nayuki.qrcodegen.QrCode;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** A QR code as an image: black modules on white, with the four-module quiet zone readers need. */
final class QrImage {
    private static final int QUIET_ZONE = 4;

    private QrImage() {
    }

    static Image of(String text, int pixelsPerModule) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int modules = qr.size + 2 * QUIET_ZONE;
        WritableImage image = new WritableImage(modules * pixelsPerModule, modules * pixelsPerModule);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                boolean dark = qr.getModule(x - QUIET_ZONE, y - QUIET_ZONE);
                Color color = dark ? Color.BLACK : Color.WHITE;
                for (int dy = 0; dy < pixelsPerModule; dy++) {
                    for (int dx = 0; dx < pixelsPerModule; dx++) {
                        pixels.setColor(x * pixelsPerModule + dx, y * pixelsPerModule + dy, color);
                    }
                }
            }
        }
        return image;
    }
}
