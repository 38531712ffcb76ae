package dev.curtain.server.drawer;

import dev.curtain.model.drawer.DrawerSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drawer sessions and their cash movements in PostgreSQL. */
@jakarta.inject.Singleton
public class DrawerStore {

    /** The open session of a staff member, locked for the rest of the transaction. */
    public record Open(long id, String currency) {
    }

    private static final String SESSION = """
            select s.id, s.clerk, s.currency, s.float_minor, s.opened_at, s.closed_at,
                   coalesce(sum(m.amount_minor) filter (where m.kind = 'SALE'), 0),
                   coalesce(sum(m.amount_minor) filter (where m.kind = 'REFUND'), 0),
                   count(m.id), s.counted_minor, s.note
            from drawer_sessions s left join drawer_movements m on m.session_id = s.id
            """;

    public long open(Connection c, String clerk, String currency, long floatMinor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into drawer_sessions (clerk, currency, float_minor) values (?, ?, ?) returning id")) {
            ps.setString(1, clerk);
            ps.setString(2, currency);
            ps.setLong(3, floatMinor);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public Optional<Open> lockOpen(Connection c, String clerk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select id, currency from drawer_sessions where clerk = ? and closed_at is null for update")) {
            ps.setString(1, clerk);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Open(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    public Optional<Long> findOpen(Connection c, String clerk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from drawer_sessions where clerk = ? and closed_at is null")) {
            ps.setString(1, clerk);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public void move(Connection c, long sessionId, long paymentId, String bookingId, long amountMinor, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into drawer_movements (session_id, payment_id, booking_id, kind, amount_minor, created_by)
                values (?, ?, ?, ?, ?, ?)
                """)) {
            ps.setLong(1, sessionId);
            ps.setLong(2, paymentId);
            ps.setString(3, bookingId);
            ps.setString(4, amountMinor >= 0 ? "SALE" : "REFUND");
            ps.setLong(5, amountMinor);
            ps.setString(6, by);
            ps.executeUpdate();
        }
    }

    /** The open session a cash payment went into, if it is still open. */
    public Optional<Long> openSessionOfPayment(Connection c, long paymentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select s.id from drawer_movements m join drawer_sessions s on s.id = m.session_id
                where m.payment_id = ? and s.closed_at is null for update of s
                """)) {
            ps.setLong(1, paymentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public void close(Connection c, long sessionId, long countedMinor, long expectedMinor, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update drawer_sessions set closed_at = now(), counted_minor = ?, expected_minor = ?, note = ?
                where id = ? and closed_at is null
                """)) {
            ps.setLong(1, countedMinor);
            ps.setLong(2, expectedMinor);
            ps.setString(3, note);
            ps.setLong(4, sessionId);
            ps.executeUpdate();
        }
    }

    public Optional<DrawerSession> load(Connection c, long sessionId) throws SQLException {
        List<DrawerSession> found = query(c, SESSION + " where s.id = ? group by s.id", ps -> ps.setLong(1, sessionId));
        return found.stream().findFirst();
    }

    public List<DrawerSession> openedBetween(Connection c, Instant from, Instant until) throws SQLException {
        return query(c, SESSION + " where s.opened_at >= ? and s.opened_at < ? group by s.id order by s.clerk, s.opened_at",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(from));
                    ps.setTimestamp(2, Timestamp.from(until));
                });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<DrawerSession> query(Connection c, String sql, Binder binder) throws SQLException {
        List<DrawerSession> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long floatMinor = rs.getLong(4);
                    long sales = rs.getLong(7);
                    long refunds = -rs.getLong(8);
                    long expected = floatMinor + sales - refunds;
                    long counted = rs.getLong(10);
                    Long countedOrNull = rs.wasNull() ? null : counted;
                    Timestamp closed = rs.getTimestamp(6);
                    out.add(new DrawerSession(rs.getLong(1), rs.getString(2), rs.getString(3), floatMinor,
                            rs.getTimestamp(5).toInstant(), closed == null ? null : closed.toInstant(), sales, refunds,
                            rs.getInt(9), expected, countedOrNull, countedOrNull == null ? null : countedOrNull - expected,
                            rs.getString(11)));
                }
            }
        }
        return out;
    }
}
