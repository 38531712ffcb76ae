package dev.curtain.server.ops;

import dev.curtain.model.ops.IntegrityReport;
import dev.curtain.server.booking.BookingStore;
import dev.curtain.server.db.Database;
import dev.curtain.server.event.EventCatalog;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.SeatLedger;
import dev.curtain.server.web.Futures;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Compares PostgreSQL (the truth) with Redis (live state) for one event, seat by seat. */
@Singleton
public class IntegrityService {

    private final Database db;
    private final BookingStore bookings;
    private final EventCatalog catalog;
    private final SeatLedger ledger;

    public IntegrityService(Database db, BookingStore bookings, EventCatalog catalog, SeatLedger ledger) {
        this.db = db;
        this.bookings = bookings;
        this.catalog = catalog;
        this.ledger = ledger;
    }

    public IntegrityReport check(String eventId) {
        LiveEvent event = Futures.join(catalog.get(eventId));
        record Durable(List<String> doubleSold, Set<String> sold, Set<String> blocked) {
        }
        Durable pg = db.read(c -> new Durable(bookings.doubleSold(c, eventId),
                new HashSet<>(bookings.activeSeatIds(c, eventId)), new HashSet<>(bookings.blockedSeatIds(c, eventId))));
        SeatLedger.LiveState live = Futures.join(ledger.state(event));
        Set<String> redisSold = new HashSet<>(live.sold());
        Set<String> redisBlocked = new HashSet<>(live.blocked());
        List<String> soldMissing = minus(pg.sold(), redisSold);
        List<String> soldExtra = minus(redisSold, pg.sold());
        List<String> heldButSold = new ArrayList<>(new TreeSet<>(live.held().stream().filter(pg.sold()::contains).toList()));
        List<String> blockedMissing = minus(pg.blocked(), redisBlocked);
        List<String> blockedExtra = minus(redisBlocked, pg.blocked());
        boolean ok = pg.doubleSold().isEmpty() && soldMissing.isEmpty() && soldExtra.isEmpty() && heldButSold.isEmpty()
                && blockedMissing.isEmpty() && blockedExtra.isEmpty();
        return new IntegrityReport(eventId, pg.doubleSold(), soldMissing, soldExtra, heldButSold, blockedMissing,
                blockedExtra, ok);
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        TreeSet<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return new ArrayList<>(out);
    }

}
