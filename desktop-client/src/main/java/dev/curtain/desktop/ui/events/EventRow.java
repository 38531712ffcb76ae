package dev.curtain.desktop.ui.events;

import dev.curtain.model.event.Event;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One performance in the list, with its availability filled in as figures arrive. */
public final class EventRow {

    private final Event event;
    private final DoubleProperty soldShare = new SimpleDoubleProperty(-1);
    private final StringProperty availability = new SimpleStringProperty("…");

    public EventRow(Event event) {
        this.event = event;
    }

    public Event event() {
        return event;
    }

    public DoubleProperty soldShareProperty() {
        return soldShare;
    }

    public StringProperty availabilityProperty() {
        return availability;
    }

    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.toLowerCase();
        return event.title().toLowerCase().contains(q) || (event.venueName() != null && event.venueName().toLowerCase().contains(q));
    }
}
