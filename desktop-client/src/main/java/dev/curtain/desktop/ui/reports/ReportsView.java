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

        Label dayTitle = new Label("End of day");
        dayTitle.getStyleClass().add("title");
        javafx.scene.control.DatePicker date = new javafx.scene.control.DatePicker(java.time.LocalDate.now());
        javafx.scene.control.Button show = new javafx.scene.control.Button("Show");
        show.setId("day-report");
        show.setOnAction(e -> vm.loadDay(date.getValue()));
        java.nio.file.Path folder = java.nio.file.Path.of(System.getProperty("user.home"), "Curtain", "reports");
        javafx.scene.control.Button csv = new javafx.scene.control.Button("Export CSV");
        csv.setOnAction(e -> vm.exportDay(date.getValue(), "csv", folder));
        javafx.scene.control.Button pdf = new javafx.scene.control.Button("Export PDF");
        pdf.setOnAction(e -> vm.exportDay(date.getValue(), "pdf", folder));
        javafx.scene.layout.HBox dayRow = new javafx.scene.layout.HBox(8, date, show, csv, pdf);
        Label dayText = new Label();
        dayText.setId("day-text");
        dayText.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace; -fx-font-size: 12px;");
        dayText.textProperty().bind(vm.dayProperty());
        Label dayMessage = new Label();
        dayMessage.getStyleClass().add("message-text");
        dayMessage.textProperty().bind(vm.dayMessageProperty());
        VBox dayCard = new VBox(10, dayRow, dayMessage, new javafx.scene.control.ScrollPane(dayText));
        dayCard.getStyleClass().add("card");
        getChildren().addAll(title, choice, card, dayTitle, dayCard);
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
