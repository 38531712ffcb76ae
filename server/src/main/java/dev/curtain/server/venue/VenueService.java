package dev.curtain.server.venue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueSummary;
import dev.curtain.server.audit.AuditLog;
import dev.curtain.server.db.Database;
import dev.curtain.server.db.Ids;
import dev.curtain.server.web.DomainException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Singleton
public class VenueService {

    private final Database db;
    private final VenueStore store;
    private final AuditLog audit;
    private final ObjectMapper json;

    public VenueService(Database db, VenueStore store, AuditLog audit, ObjectMapper json) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.json = json;
    }

    public Venue create(Venue venue, String actor) {
        if (venue == null) {
            throw DomainException.invalid(null, "A venue layout document is required.");
        }
        VenueValidator.validate(venue);
        Venue stored = venue.id() == null ? venue.withId(newIdFor(venue.name())) : venue;
        db.write(c -> {
            insert(c, stored, false);
            audit.append(c, actor, "VENUE_CREATED", "venue:" + stored.id(),
                    Map.of("name", stored.name(), "capacity", stored.capacity()));
            return null;
        });
        return stored;
    }

    /** Stores an already validated venue inside the caller's transaction. */
    public void insert(Connection c, Venue venue, boolean demo) throws SQLException {
        if (store.exists(c, venue.id())) {
            throw DomainException.conflict("VENUE_EXISTS", "A venue with id '" + venue.id() + "' already exists.");
        }
        store.insert(c, venue, toJson(venue), demo);
    }

    public String layoutJson(String id) {
        return db.read(c -> store.layoutJson(c, id))
                .orElseThrow(() -> DomainException.notFound("VENUE_NOT_FOUND", "There is no venue '" + id + "'."));
    }

    public List<VenueSummary> list() {
        return db.read(store::list);
    }

    private String toJson(Venue venue) {
        try {
            return json.writeValueAsString(venue);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("venue layout could not be written as JSON", e);
        }
    }

    private static String newIdFor(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "venue" : slug) + "-" + Ids.random(5);
    }
}
