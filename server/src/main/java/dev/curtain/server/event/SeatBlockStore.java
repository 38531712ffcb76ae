package dev.curtain.server.event;

import dev.curtain.model.event.SeatBlock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Seat blocks in PostgreSQL; a trigger refuses blocking a sold seat (and selling a blocked one). */
@jakarta.inject.Singleton
public class SeatBlockStore {

    public void insert(Connection c, String eventId, List<String> seatIds, String reason, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into seat_blocks (event_id, seat_id, reason, blocked_by) values (?, ?, ?, ?)")) {
            for (String seatId : seatIds) {
                ps.setString(1, eventId);
                ps.setString(2, seatId);
                ps.setString(3, reason);
                ps.setString(4, by);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Answers the seats that were blocked and now are not. */
    public List<String> delete(Connection c, String eventId, List<String> seatIds) throws SQLException {
        List<String> removed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "delete from seat_blocks where event_id = ? and seat_id = any(?) returning seat_id")) {
            ps.setString(1, eventId);
            ps.setArray(2, c.createArrayOf("text", seatIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    removed.add(rs.getString(1));
                }
            }
        }
        return removed;
    }

    public List<SeatBlock> list(Connection c, String eventId) throws SQLException {
        List<SeatBlock> blocks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select seat_id, reason, blocked_by, created_at from seat_blocks where event_id = ? order by seat_id")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    blocks.add(new SeatBlock(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return blocks;
    }
}
