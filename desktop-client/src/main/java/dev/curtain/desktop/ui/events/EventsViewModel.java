package dev.curtain.desktop.ui.events;

import dev.curtain.desktop.client.CurtainClient;
import dev.curtain.desktop.ui.common.BackgroundTasks;
import dev.curtain.desktop.ui.common.ProblemMessages;
import dev.curtain.model.event.Event;
import dev.curtain.model.event.EventStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** Today's and upcoming performances with availability, filtered by a search box. */
public final class EventsViewModel {

    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    private final FilteredList<EventRow> visible = new FilteredList<>(rows, r -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final CurtainClient client;
    private final BackgroundTasks tasks;
    private final Clock clock;

    public EventsViewModel(CurtainClient client, BackgroundTasks tasks, Clock clock) {
        this.client = client;
        this.tasks = tasks;
        this.clock = clock;
        search.addListener((o, a, b) -> visible.setPredicate(r -> r.matches(b)));
    }

    /** Performances from six hours ago (still running today) to two weeks ahead. */
    public void refresh() {
        loading.set(true);
        Instant now = clock.instant();
        tasks.run(() -> client.events(now.minus(Duration.ofHours(6)), now.plus(Duration.ofDays(15))), events -> {
            loading.set(false);
            rows.setAll(events.stream().map(EventRow::new).toList());
            message.set(events.isEmpty() ? "No performances in the next two weeks." : "");
            loadAvailability(List.copyOf(rows));
        }, failure -> {
            loading.set(false);
            message.set(ProblemMessages.describe(failure));
        });
    }

    private void loadAvailability(List<EventRow> pending) {
        for (EventRow row : pending) {
            tasks.run(() -> client.stats(row.event().id()), stats -> show(row, stats),
                    failure -> row.availabilityProperty().set("—"));
        }
    }

    private static void show(EventRow row, EventStats s) {
        row.soldShareProperty().set(s.capacity() == 0 ? 0 : (double) (s.capacity() - s.available()) / s.capacity());
        row.availabilityProperty().set(s.available() + " of " + s.capacity() + " free");
    }

    public ObservableList<EventRow> visibleRows() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public static boolean isToday(Event e, Clock clock) {
        return e.startsAt().atZone(clock.getZone()).toLocalDate().equals(clock.instant().atZone(clock.getZone()).toLocalDate());
    }
}
