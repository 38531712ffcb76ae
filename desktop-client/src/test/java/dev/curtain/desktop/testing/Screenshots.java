package dev.curtain.desktop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves what a window shows as PNG: under target/screenshots, or where CURTAIN_SCREENSHOTS_DIR
 * says (the README's pictures: CURTAIN_SCREENSHOTS_DIR=$PWD/docs/screenshots ./mvnw verify).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path dir() {
        String configured = System.getProperty("curtain.screenshots.dir", System.getenv("CURTAIN_SCREENSHOTS_DIR"));
        return configured != null ? Path.of(configured) : Path.of("target", "screenshots");
    }

    /** Call on the FX thread. */
    public static Path save(Scene scene, String name) {
        try {
            Files.createDirectories(dir());
            WritableImage image = scene.snapshot(null);
            Path file = dir().resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
