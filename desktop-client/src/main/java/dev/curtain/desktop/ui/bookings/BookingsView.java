package dev.curtain.desktop.ui.bookings;

import dev.curtain.desktop.ui.common.Money;
import dev.curtain.model.booking.BookedSeat;
import dev.curtain.model.booking.Booking;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Find, view, refund and reprint bookings. */
public final class BookingsView extends BorderPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");
    private final TextField query = new TextField();
    private final VBox details = new VBox(8);
    private final List<CheckBox> seatChecks = new ArrayList<>();

    private final java.util.function.BiConsumer<Booking, List<String>> exchange;

    public BookingsView(BookingsViewModel vm, Consumer<Booking> print, java.util.function.BiConsumer<Booking, List<String>> exchange) {
        this.exchange = exchange;
        query.setId("booking-query");
        query.setPromptText("Booking code, email or name — Enter to search");
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.search());
        Button find = new Button("Find");
        find.setOnAction(e -> vm.search());
        HBox top = new HBox(8, query, find);
        HBox.setHgrow(query, Priority.ALWAYS);
        Label message = new Label();
        message.setId("bookings-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        VBox header = new VBox(6, top, message);
        header.setPadding(new Insets(12));
        setTop(header);

        ListView<Booking> results = new ListView<>(vm.results());
        results.setId("booking-results");
        results.setPrefWidth(360);
        results.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Booking b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.code() + "  ·  " + b.eventTitle() + "\n"
                        + (b.customer() == null ? "walk-in" : b.customer().name()) + "  ·  " + b.status());
            }
        });
        results.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> show(vm, b, print));
        setLeft(results);
        BorderPane.setMargin(results, new Insets(0, 0, 12, 12));
        details.getStyleClass().add("card");
        setCenter(details);
        BorderPane.setMargin(details, new Insets(0, 12, 12, 12));
        show(vm, null, print);
    }

    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    private void show(BookingsViewModel vm, Booking b, Consumer<Booking> print) {
        details.getChildren().clear();
        seatChecks.clear();
        if (b == null) {
            details.getChildren().add(new Label("Find a booking to see its seats, tickets and payments."));
            return;
        }
        Label code = new Label(b.code());
        code.getStyleClass().add("result-code");
        Label what = new Label(b.eventTitle() + " · " + WHEN.format(b.eventStartsAt().atZone(ZoneId.systemDefault())));
        what.getStyleClass().add("subtitle");
        Label status = new Label(b.status() + " · total " + Money.format(b.totalMinor(), b.currency())
                + (b.customer() == null ? "" : " · " + b.customer().name() + (b.customer().email() == null ? "" : " <" + b.customer().email() + ">")));
        details.getChildren().addAll(code, what, status, new Label("Seats"));
        for (BookedSeat s : b.seats()) {
            CheckBox check = new CheckBox(s.section() + " · Row " + s.row() + " · Seat " + s.number() + " · " + s.ticketType()
                    + " · " + Money.format(s.priceMinor(), b.currency()) + (s.status().equals("ACTIVE") ? "" : " · " + s.status())
                    + (s.reprints() > 0 ? " · reprinted " + s.reprints() + "×" : ""));
            check.setUserData(s.seatId());
            check.setDisable(!"ACTIVE".equals(s.status()));
            seatChecks.add(check);
            details.getChildren().add(check);
        }
        details.getChildren().add(new Label("Payments"));
        b.payments().forEach(p -> details.getChildren().add(new Label(p.kind() + " · " + p.method() + " · "
                + Money.format(p.amountMinor(), b.currency()) + " · " + p.createdBy())));
        TextField reason = new TextField();
        reason.setId("refund-reason");
        reason.setPromptText("Reason for the refund");
        Button refund = new Button("Refund selected (all when none)");
        refund.setId("refund");
        refund.getStyleClass().add("danger");
        refund.setOnAction(e -> vm.refund(selectedSeats(), reason.getText()));
        Button exchangeButton = new Button("Exchange…");
        exchangeButton.setId("exchange");
        exchangeButton.setOnAction(e -> exchange.accept(b, selectedSeats()));
        Button reprint = new Button("Reprint tickets");
        reprint.setOnAction(e -> vm.reprint(selectedSeats(), print));
        boolean refundable = !BookingsViewModel.activeSeats(b).isEmpty();
        refund.setDisable(!refundable);
        reprint.setDisable(!refundable);
        exchangeButton.setDisable(!refundable);
        HBox actions = new HBox(8, reason, refund, exchangeButton, reprint);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reason, Priority.ALWAYS);
        details.getChildren().add(actions);
    }

    private List<String> selectedSeats() {
        return seatChecks.stream().filter(CheckBox::isSelected).map(c -> (String) c.getUserData()).toList();
    }
}
