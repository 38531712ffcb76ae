package dev.curtain.server.event;

import dev.curtain.model.event.EventStats;
import dev.curtain.server.db.Database;
import dev.curtain.server.hold.SeatLedger;
import dev.curtain.server.web.Futures;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Sold, blocked and revenue from PostgreSQL; held from Redis; available is the rest. Seats waiting
 * for a card payment count as sold (they are reserved) but not as revenue until paid.
 */
@Singleton
public class EventStatsService {

    private final Database db;
    private final EventCatalog catalog;
    private final SeatLedger ledger;

    public EventStatsService(Database db, EventCatalog catalog, SeatLedger ledger) {
        this.db = db;
        this.catalog = catalog;
        this.ledger = ledger;
    }

    public EventStats stats(String eventId) {
        LiveEvent event = Futures.join(catalog.get(eventId));
        long[] durable = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    select (select count(*) from booking_seats where event_id = ? and status = 'ACTIVE'),
                           (select count(*) from seat_blocks where event_id = ?),
                           (select coalesce(sum(s.price_minor), 0) from booking_seats s join bookings b on b.id = s.booking_id
                            where s.event_id = ? and s.status = 'ACTIVE' and b.status <> 'PENDING_PAYMENT')
                    """)) {
                ps.setString(1, eventId);
                ps.setString(2, eventId);
                ps.setString(3, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }
            }
        });
        int held = Futures.join(ledger.heldCount(event)).intValue();
        int capacity = event.seats().capacity();
        int sold = (int) durable[0];
        int blocked = (int) durable[1];
        return new EventStats(eventId, capacity, Math.max(0, capacity - sold - blocked - held), held, sold, blocked,
                durable[2], event.event().currency());
    }
}
