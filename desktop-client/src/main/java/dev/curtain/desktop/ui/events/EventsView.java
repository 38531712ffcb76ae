package dev.curtain.desktop.ui.events;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Today's and upcoming performances; Enter or double click opens one for sale. */
public final class EventsView extends BorderPane {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final TextField search = new TextField();
    private final ListView<EventRow> list = new ListView<>();

    public EventsView(EventsViewModel vm, Consumer<EventRow> open) {
        search.setId("event-search");
        search.setPromptText("Search performances or venues  (Ctrl+F)");
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox top = new HBox(10, search, refresh);
        HBox.setHgrow(search, Priority.ALWAYS);
        top.setPadding(new Insets(12));

        list.setId("events");
        list.setItems(vm.visibleRows());
        list.setCellFactory(v -> new EventCell());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
            }
        });
        Label message = new Label();
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(0, 12, 8, 12));
        setTop(new VBox(top, message));
        setCenter(list);
        BorderPane.setMargin(list, new Insets(0, 12, 12, 12));
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private static final class EventCell extends ListCell<EventRow> {
        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            var when = row.event().startsAt().atZone(ZoneId.systemDefault());
            Label day = new Label(DAY.format(when));
            day.getStyleClass().add("muted");
            Label time = new Label(TIME.format(when));
            time.setStyle("-fx-font-size: 18px; -fx-font-weight: bold;");
            VBox date = new VBox(day, time);
            date.setMinWidth(90);
            Label title = new Label(row.event().title());
            title.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
            Label venue = new Label(row.event().venueName());
            venue.getStyleClass().add("muted");
            VBox what = new VBox(title, venue);
            ProgressBar bar = new ProgressBar();
            bar.getStyleClass().add("availability-bar");
            bar.setPrefWidth(180);
            bar.progressProperty().bind(row.soldShareProperty());
            // Nearly sold out shows in the warning colour.
            bar.getStyleClass().add(row.soldShareProperty().get() > 0.9 ? "nearly-full" : "open");
            row.soldShareProperty().addListener((o, a, share) -> {
                bar.getStyleClass().removeAll("nearly-full", "open");
                bar.getStyleClass().add(share.doubleValue() > 0.9 ? "nearly-full" : "open");
            });
            Label free = new Label();
            free.textProperty().bind(row.availabilityProperty());
            free.getStyleClass().add("muted");
            VBox availability = new VBox(4, bar, free);
            availability.setAlignment(Pos.CENTER_RIGHT);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox box = new HBox(16, date, what, gap, availability);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setPadding(new Insets(6, 8, 6, 8));
            setGraphic(box);
        }
    }
}
