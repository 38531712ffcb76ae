package dev.curtain.server.event;

import dev.curtain.model.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events and their price tables in PostgreSQL. */
@jakarta.inject.Singleton
public class EventStore {

    private static final String SELECT = """
            select e.id, e.venue_id, e.title, e.starts_at, e.currency, e.hold_ttl_seconds, e.max_seats_per_hold,
                   e.on_sale_from, e.on_sale_until, e.queue_enabled, v.name, v.capacity
            from events e join venues v on v.id = e.venue_id
            """;

    public void insert(Connection c, Event e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into events (id, venue_id, title, starts_at, currency, hold_ttl_seconds, max_seats_per_hold,
                                    on_sale_from, on_sale_until, queue_enabled)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            ps.setString(1, e.id());
            ps.setString(2, e.venueId());
            ps.setString(3, e.title());
            ps.setTimestamp(4, Timestamp.from(e.startsAt()));
            ps.setString(5, e.currency());
            ps.setInt(6, e.holdTtlSeconds());
            ps.setInt(7, e.maxSeatsPerHold());
            ps.setTimestamp(8, e.onSaleFrom() == null ? null : Timestamp.from(e.onSaleFrom()));
            ps.setTimestamp(9, e.onSaleUntil() == null ? null : Timestamp.from(e.onSaleUntil()));
            ps.setBoolean(10, Boolean.TRUE.equals(e.queueEnabled()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into event_prices (event_id, category, ticket_type, amount_minor, position) values (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (var category : e.prices().entrySet()) {
                for (var type : category.getValue().entrySet()) {
                    ps.setString(1, e.id());
                    ps.setString(2, category.getKey());
                    ps.setString(3, type.getKey());
                    ps.setLong(4, type.getValue());
                    ps.setInt(5, position++);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    public Optional<Event> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where e.id = ?")) {
            ps.setString(1, id);
            List<Event> found = readAll(c, ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Events starting in [from, to), soonest first; null bounds are open. */
    public List<Event> list(Connection c, Instant from, Instant to, String venueId, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + """
                 where (?::timestamptz is null or e.starts_at >= ?::timestamptz)
                   and (?::timestamptz is null or e.starts_at < ?::timestamptz)
                   and (?::text is null or e.venue_id = ?::text)
                 order by e.starts_at, e.id
                 limit ?
                """)) {
            Timestamp f = from == null ? null : Timestamp.from(from);
            Timestamp t = to == null ? null : Timestamp.from(to);
            ps.setTimestamp(1, f);
            ps.setTimestamp(2, f);
            ps.setTimestamp(3, t);
            ps.setTimestamp(4, t);
            ps.setString(5, venueId);
            ps.setString(6, venueId);
            ps.setInt(7, limit);
            return readAll(c, ps);
        }
    }

    private static List<Event> readAll(Connection c, PreparedStatement ps) throws SQLException {
        List<Event> bare = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bare.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                        rs.getString(5), Map.of(), rs.getInt(6), rs.getInt(7), instant(rs, 8), instant(rs, 9),
                        rs.getBoolean(10), rs.getString(11), rs.getInt(12)));
            }
        }
        Map<String, Map<String, Map<String, Long>>> prices = prices(c, bare.stream().map(Event::id).toList());
        return bare.stream().map(e -> new Event(e.id(), e.venueId(), e.title(), e.startsAt(), e.currency(),
                prices.getOrDefault(e.id(), Map.of()), e.holdTtlSeconds(), e.maxSeatsPerHold(), e.onSaleFrom(),
                e.onSaleUntil(), e.queueEnabled(), e.venueName(), e.capacity())).toList();
    }

    private static Map<String, Map<String, Map<String, Long>>> prices(Connection c, List<String> eventIds)
            throws SQLException {
        Map<String, Map<String, Map<String, Long>>> byEvent = new HashMap<>();
        if (eventIds.isEmpty()) {
            return byEvent;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select event_id, category, ticket_type, amount_minor from event_prices"
                        + " where event_id = any(?) order by event_id, position")) {
            ps.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byEvent.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
                            .put(rs.getString(3), rs.getLong(4));
                }
            }
        }
        return byEvent;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
