package dev.curtain.server.booking;

import dev.curtain.server.db.Database;
import dev.curtain.server.hold.SoldAndBlockedSeats;
import jakarta.inject.Singleton;
import java.util.List;

/** Sold and blocked seats as PostgreSQL records them: what Redis is rebuilt from. */
@Singleton
public class DurableSeatMarkers implements SoldAndBlockedSeats {

    private final Database db;
    private final BookingStore bookings;

    public DurableSeatMarkers(Database db, BookingStore bookings) {
        this.db = db;
        this.bookings = bookings;
    }

    @Override
    public List<String> sold(String eventId) {
        return db.read(c -> bookings.activeSeatIds(c, eventId));
    }

    @Override
    public List<String> blocked(String eventId) {
        return db.read(c -> bookings.blockedSeatIds(c, eventId));
    }
}
