package dev.curtain.server.venue;

import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import dev.curtain.model.venue.VenueSummary;
import dev.curtain.server.db.Rows;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;

/** Venues in PostgreSQL: the layout document, its categories and one row per seat. */
@jakarta.inject.Singleton
public class VenueStore {

    public boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from venues where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void insert(Connection c, Venue venue, String layoutJson, boolean demo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into venues (id, name, kind, capacity, layout, demo) values (?, ?, ?, ?, ?::jsonb, ?)")) {
            ps.setString(1, venue.id());
            ps.setString(2, venue.name());
            ps.setString(3, venue.kind().name());
            ps.setInt(4, venue.capacity());
            ps.setString(5, layoutJson);
            ps.setBoolean(6, demo);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into venue_categories (venue_id, category, name, color, position) values (?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Category cat : venue.categories()) {
                ps.setString(1, venue.id());
                ps.setString(2, cat.id());
                ps.setString(3, cat.name());
                ps.setString(4, cat.color());
                ps.setInt(5, position++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        copySeats(c, venue);
    }

    /** COPY rather than INSERT: a 100,000-seat house goes in within a second. */
    private static void copySeats(Connection c, Venue venue) throws SQLException {
        StringBuilder csv = new StringBuilder(venue.seats().size() * 48);
        for (Seat s : venue.seats()) {
            csv.append(quote(venue.id())).append(',')
                    .append(quote(s.id())).append(',')
                    .append(quote(s.section())).append(',')
                    .append(quote(s.row())).append(',')
                    .append(s.number()).append(',')
                    .append(quote(s.category())).append(',')
                    .append(s.accessible()).append(',')
                    .append(s.restrictedView()).append(',')
                    .append(s.tableId() == null ? "" : quote(s.tableId())).append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy venue_seats (venue_id, seat_id, section, row_label, number, category, accessible,"
                            + " restricted_view, table_id) from stdin with (format csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("copy of venue seats failed", e);
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    public Optional<String> layoutJson(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select layout::text from venues where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public List<VenueSummary> list(Connection c) throws SQLException {
        List<VenueSummary> venues = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, name, kind, capacity from venues order by name, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                venues.add(new VenueSummary(rs.getString(1), rs.getString(2),
                        VenueKind.valueOf(rs.getString(3)), rs.getInt(4)));
            }
        }
        return venues;
    }

    /** Seats that exist and the categories they belong to: what events are priced against. */
    public List<String> seatCategories(Connection c, String venueId) throws SQLException {
        return Rows.strings(c, "select distinct category from venue_seats where venue_id = ? order by category", venueId);
    }

    public List<String> categories(Connection c, String venueId) throws SQLException {
        return Rows.strings(c, "select category from venue_categories where venue_id = ? order by position", venueId);
    }

}
