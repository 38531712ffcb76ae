package dev.curtain.server.booking;

import dev.curtain.server.db.OneTrip;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Idempotency keys per principal. The key row is inserted first in the booking's own transaction,
 * so a concurrent duplicate waits on it and then finds the committed answer.
 */
@jakarta.inject.Singleton
public class IdempotencyStore {

    public record Stored(String requestHash, Integer status, String body) {
    }

    public Optional<Stored> find(Connection c, String principal, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select request_hash, response_status, response_body from idempotency_keys where principal = ? and key = ?")) {
            ps.setString(1, principal);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int status = rs.getInt(2);
                return Optional.of(new Stored(rs.getString(1), rs.wasNull() ? null : status, rs.getString(3)));
            }
        }
    }

    /**
     * Claims the key, with the answer when it is known before the work is written (else
     * {@code status} and {@code body} are null and {@link #answer} follows); a unique violation
     * means another request with the key committed first.
     */
    public void claim(OneTrip trip, String principal, String key, String requestHash, Integer status, String body) {
        trip.add("""
                insert into idempotency_keys (principal, key, request_hash, response_status, response_body)
                values (?, ?, ?, ?, ?)
                """, p -> p.text(principal).text(key).text(requestHash).number(status).text(body));
    }

    public void answer(Connection c, String principal, String key, int status, String body) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update idempotency_keys set response_status = ?, response_body = ? where principal = ? and key = ?")) {
            ps.setInt(1, status);
            ps.setString(2, body);
            ps.setString(3, principal);
            ps.setString(4, key);
            ps.executeUpdate();
        }
    }
}
