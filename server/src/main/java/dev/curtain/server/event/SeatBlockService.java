package dev.curtain.server.event;

import dev.curtain.model.event.BlockRequest;
import dev.curtain.model.event.SeatBlock;
import dev.curtain.server.audit.AuditLog;
import dev.curtain.server.db.Database;
import dev.curtain.server.hold.HoldProblems;
import dev.curtain.server.hold.LedgerFollowUp;
import dev.curtain.server.hold.SeatLedger;
import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import dev.curtain.server.web.Futures;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * House seats, kills and broken seats. Redis takes the block first (atomically refusing seats that
 * are held, sold or blocked), then PostgreSQL records it; if that fails the Redis block is undone.
 */
@Singleton
public class SeatBlockService {

    static final int MAX_SEATS_PER_CALL = 1000;

    private final Database db;
    private final SeatBlockStore blocks;
    private final EventCatalog catalog;
    private final SeatLedger ledger;
    private final LedgerFollowUp followUp;
    private final AuditLog audit;
    private final Clock clock;

    public SeatBlockService(Database db, SeatBlockStore blocks, EventCatalog catalog, SeatLedger ledger,
                            LedgerFollowUp followUp, AuditLog audit, Clock clock) {
        this.db = db;
        this.blocks = blocks;
        this.catalog = catalog;
        this.ledger = ledger;
        this.followUp = followUp;
        this.audit = audit;
        this.clock = clock;
    }

    public List<SeatBlock> block(String eventId, BlockRequest request, String principal) {
        LiveEvent event = Futures.join(catalog.get(eventId));
        List<String> seats = seats(event, request);
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 200) {
            throw invalid("reason", "Give the reason for the block (house seats, kill, broken seat ...), up to 200 characters.");
        }
        Futures.join(ledger.block(event, seats, clock.instant()));
        try {
            db.write(c -> {
                blocks.insert(c, eventId, seats, request.reason().strip(), principal);
                audit.append(c, principal, "BLOCK", "event:" + eventId, Map.of("seats", seats, "reason", request.reason()));
                return null;
            });
        } catch (RuntimeException e) {
            followUp.run("undo block on " + eventId, () -> ledger.makeAvailable(event, SeatLedger.Marker.BLOCKED, seats));
            if (e instanceof Database.DataAccessFailure f && ("23514".equals(f.sqlState()) || f.isUniqueViolation())) {
                throw HoldProblems.unavailable(seats);
            }
            throw e;
        }
        return list(eventId);
    }

    public List<SeatBlock> unblock(String eventId, BlockRequest request, String principal) {
        LiveEvent event = Futures.join(catalog.get(eventId));
        List<String> seats = seats(event, request);
        List<String> removed = db.write(c -> {
            List<String> gone = blocks.delete(c, eventId, seats);
            if (!gone.isEmpty()) {
                audit.append(c, principal, "UNBLOCK", "event:" + eventId, Map.of("seats", gone));
            }
            return gone;
        });
        if (!removed.isEmpty()) {
            followUp.run("unblock on " + eventId, () -> ledger.makeAvailable(event, SeatLedger.Marker.BLOCKED, removed));
        }
        return list(eventId);
    }

    public List<SeatBlock> list(String eventId) {
        Futures.join(catalog.get(eventId));
        return db.read(c -> blocks.list(c, eventId));
    }

    private static List<String> seats(LiveEvent event, BlockRequest request) {
        if (request == null || request.seatIds() == null || request.seatIds().isEmpty()) {
            throw invalid("seatIds", "Name the seats.");
        }
        if (request.seatIds().size() > MAX_SEATS_PER_CALL) {
            throw invalid("seatIds", "At most " + MAX_SEATS_PER_CALL + " seats per call.");
        }
        List<String> unknown = new ArrayList<>();
        for (String id : request.seatIds()) {
            if (id == null || !event.seats().contains(id)) {
                unknown.add(String.valueOf(id));
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "UNKNOWN_SEATS",
                    "This venue has no seat " + String.join(", ", unknown) + ".", "seatIds", unknown);
        }
        return List.copyOf(new LinkedHashSet<>(request.seatIds()));
    }

    private static DomainException invalid(String field, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_BLOCK", detail, field, null);
    }

}
