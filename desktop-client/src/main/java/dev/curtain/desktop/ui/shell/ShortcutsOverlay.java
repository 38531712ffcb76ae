package dev.curtain.desktop.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** F1: every shortcut of the counter on one card. Any key or click closes it. */
public final class ShortcutsOverlay extends StackPane {

    static final String[][] SHORTCUTS = {
            {"1 … 9", "Best N seats together (in the chosen category)"},
            {"N", "Next best block"},
            {"Enter", "Pay — cash by default (F2 cash, F3 card, F4 comp)"},
            {"Ctrl+E", "Extend the hold"},
            {"Delete", "Release the cart (new sale)"},
            {"Ctrl+N", "New sale: back to the performances"},
            {"Ctrl+F", "Find a booking"},
            {"Ctrl+P", "Performances"},
            {"+ / − / 0", "Zoom the seat map in / out / fit"},
            {"Ctrl+D", "Light / dark theme"},
            {"F1", "This help"},
    };

    public ShortcutsOverlay() {
        setId("shortcuts");
        setStyle("-fx-background-color: rgba(0,0,0,0.55);");
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(10);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i, key, new Label(SHORTCUTS[i][1]));
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title");
        Label close = new Label("Press any key to close");
        close.getStyleClass().add("muted");
        VBox card = new VBox(14, title, grid, close);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(24));
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
    }
}
