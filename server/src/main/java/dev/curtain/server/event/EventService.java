package dev.curtain.server.event;

import dev.curtain.model.event.Event;
import dev.curtain.server.audit.AuditLog;
import dev.curtain.server.db.Database;
import dev.curtain.server.db.Ids;
import dev.curtain.server.venue.VenueStore;
import dev.curtain.server.web.DomainException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Singleton
public class EventService {

    static final int LIST_LIMIT = 500;

    private final Database db;
    private final EventStore events;
    private final VenueStore venues;
    private final AuditLog audit;

    public EventService(Database db, EventStore events, VenueStore venues, AuditLog audit) {
        this.db = db;
        this.events = events;
        this.venues = venues;
        this.audit = audit;
    }

    public Event create(Event body, String actor) {
        if (body == null) {
            throw DomainException.invalid(null, "An event body is required.");
        }
        return db.write(c -> {
            Event created = insert(c, body);
            audit.append(c, actor, "EVENT_CREATED", "event:" + created.id(),
                    Map.of("title", created.title(), "venueId", created.venueId()));
            return events.find(c, created.id()).orElseThrow();
        });
    }

    /** Validates and stores an event inside the caller's transaction; answers it with its new id. */
    public Event insert(Connection c, Event body) throws SQLException {
        if (body.venueId() == null || !venues.exists(c, body.venueId())) {
            throw new DomainException(io.micronaut.http.HttpStatus.BAD_REQUEST, "INVALID_EVENT",
                    "venueId '" + body.venueId() + "' names no venue.", "venueId", null);
        }
        EventValidator.validate(body, venues.categories(c, body.venueId()), venues.seatCategories(c, body.venueId()));
        Event event = new Event(Ids.newId(), body.venueId(), body.title().strip(), body.startsAt(), body.currency(),
                body.prices(),
                body.holdTtlSeconds() == null ? Event.DEFAULT_HOLD_TTL_SECONDS : body.holdTtlSeconds(),
                body.maxSeatsPerHold() == null ? Event.DEFAULT_MAX_SEATS_PER_HOLD : body.maxSeatsPerHold(),
                body.onSaleFrom(), body.onSaleUntil(), Boolean.TRUE.equals(body.queueEnabled()), null, null);
        events.insert(c, event);
        return event;
    }

    public Event get(String id) {
        return db.read(c -> events.find(c, id))
                .orElseThrow(() -> DomainException.notFound("EVENT_NOT_FOUND", "There is no event '" + id + "'."));
    }

    public List<Event> list(Instant from, Instant to, String venueId) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw DomainException.invalid("to", "'to' must be after 'from'.");
        }
        return db.read(c -> events.list(c, from, to, venueId, LIST_LIMIT));
    }
}
