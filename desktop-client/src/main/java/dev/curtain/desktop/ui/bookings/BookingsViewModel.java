package dev.curtain.desktop.ui.bookings;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.model.booking.BookedSeat;
import dev.curtain.model.booking.Booking;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Find a booking by code, email or name; view it; refund all or part; reprint tickets. */
public final class BookingsViewModel {

    private final CurtainClient client;
    private final BackgroundTasks tasks;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Booking> results = FXCollections.observableArrayList();
    private final ObjectProperty<Booking> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public BookingsViewModel(CurtainClient client, BackgroundTasks tasks) {
        this.client = client;
        this.tasks = tasks;
    }

    public void search() {
        String q = query.get().strip();
        if (q.length() < 2) {
            message.set("Type a booking code, an email address, or at least two letters of a name.");
            return;
        }
        run(() -> client.findBookings(q), found -> {
            results.setAll(found);
            selected.set(found.isEmpty() ? null : found.get(0));
            message.set(found.isEmpty() ? "No booking matches '" + q + "'." : found.size() + " booking(s) found.");
        });
    }

    /** Refunds the given seats (all active seats when empty) with a reason. */
    public void refund(List<String> seatIds, String reason) {
        Booking b = selected.get();
        if (b == null) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            message.set("Give a reason for the refund.");
            return;
        }
        run(() -> client.refund(b.id(), seatIds, reason.strip()), updated -> {
            replace(updated);
            message.set("Refunded. The seats are on sale again.");
        });
    }

    public void reprint(List<String> seatIds, Consumer<Booking> print) {
        Booking b = selected.get();
        if (b == null) {
            return;
        }
        run(() -> client.reprint(b.id(), seatIds), updated -> {
            replace(updated);
            print.accept(updated);
        });
    }

    public static List<BookedSeat> activeSeats(Booking b) {
        return b.seats().stream().filter(s -> "ACTIVE".equals(s.status())).toList();
    }

    private void replace(Booking updated) {
        results.replaceAll(b -> b.id().equals(updated.id()) ? updated : b);
        selected.set(updated);
    }

    private <T> void run(java.util.concurrent.Callable<T> work, Consumer<T> then) {
        busy.set(true);
        tasks.run(work, r -> {
            busy.set(false);
            then.accept(r);
        }, failure -> {
            busy.set(false);
            message.set(ProblemMessages.describe(failure));
        });
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Booking> results() {
        return results;
    }

    public ObjectProperty<Booking> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
