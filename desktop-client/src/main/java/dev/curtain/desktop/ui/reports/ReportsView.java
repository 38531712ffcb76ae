package dev.curtain.desktop.ui.reports;

import dev.curtain.desktop.ui.events.EventRow;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

public final class ReportsView extends VBox {

    public ReportsView(ReportsViewModel vm, ObservableList<EventRow> events) {
        super(12);
        setPadding(new Insets(16));
        Label title = new Label("Performance report");
        title.getStyleClass().add("title");
        ComboBox<EventRow> choice = new ComboBox<>(events);
        choice.setPrefWidth(480);
        choice.setCellFactory(v -> cell());
        choice.setButtonCell(cell());
        choice.valueProperty().addListener((o, a, row) -> {
            if (row != null) {
                vm.load(row.event().id());
            }
        });
        Label figures = new Label();
        figures.setStyle("-fx-font-size: 16px;");
        figures.textProperty().bind(vm.figuresProperty());
        Label integrity = new Label();
        integrity.setWrapText(true);
        integrity.textProperty().bind(vm.integrityProperty());
        VBox card = new VBox(10, figures, integrity);
        card.getStyleClass().add("card");
        getChildren().addAll(title, choice, card);
    }

    private static ListCell<EventRow> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(EventRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.event().title() + " · " + r.event().venueName() + " · " + r.event().startsAt());
            }
        };
    }
}
