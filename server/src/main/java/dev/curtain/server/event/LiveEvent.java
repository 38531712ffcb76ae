package dev.curtain.server.event;

import dev.curtain.model.event.Event;
import dev.curtain.server.venue.SeatIndex;
import java.util.List;

/** An event with its venue's seat index: what the hot path needs, kept in memory. */
public record LiveEvent(Event event, SeatIndex seats) {

    public String id() {
        return event.id();
    }

    /** Priced categories in the venue's order of preference (its first category is its best). */
    public List<String> categoriesByPreference() {
        return seats.venue().categories().stream()
                .map(c -> c.id())
                .filter(event.prices()::containsKey)
                .toList();
    }
}
