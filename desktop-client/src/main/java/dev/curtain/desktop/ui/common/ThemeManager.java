package dev.curtain.desktop.ui.common;

import dev.curtain.desktop.ui.seatmap.SeatMapPalette;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

/** The one switch between the light and the dark palette; stylesheets are constants here. */
public final class ThemeManager {

    private static final String BASE = css("base.css");
    private static final String LIGHT = css("light.css");
    private static final String DARK = css("dark.css");

    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public void apply(Scene scene) {
        scene.getStylesheets().setAll(BASE, dark.get() ? DARK : LIGHT);
        dark.addListener((o, a, isDark) -> scene.getStylesheets().setAll(BASE, isDark ? DARK : LIGHT));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public SeatMapPalette seatMapPalette() {
        return dark.get() ? SeatMapPalette.DARK : SeatMapPalette.LIGHT;
    }

    private static String css(String name) {
        return ThemeManager.class.getResource("/dev/curtain/desktop/ui/theme/" + name).toExternalForm();
    }
}
