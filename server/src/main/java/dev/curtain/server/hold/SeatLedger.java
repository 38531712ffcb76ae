package dev.curtain.server.hold;

import dev.curtain.server.event.LiveEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The live side of a sale: pins a hold while PostgreSQL records it, then marks its seats sold;
 * returns refunded or unblocked seats; blocks seats. Each step is atomic and publishes its delta.
 */
public interface SeatLedger {

    record Pinned(List<String> seatIds, Instant expiresAt) {
    }

    record LiveState(long version, List<String> held, List<String> sold, List<String> blocked) {
    }

    enum Marker { SOLD, BLOCKED }

    /** Fails with HOLD_NOT_FOUND, HOLD_EXPIRED, HOLD_RELEASED or HOLD_ALREADY_CONFIRMED. */
    CompletableFuture<Pinned> pin(LiveEvent event, String holdId, String owner, Instant now, long pinMillis);

    CompletableFuture<Void> unpin(LiveEvent event, String holdId);

    CompletableFuture<Long> markSold(LiveEvent event, String holdId, List<String> seatIds);

    CompletableFuture<Long> makeAvailable(LiveEvent event, Marker marker, List<String> seatIds);

    /** Fails with SEATS_UNAVAILABLE when a seat is held, sold or blocked. */
    CompletableFuture<Long> block(LiveEvent event, List<String> seatIds, Instant now);

    CompletableFuture<LiveState> state(LiveEvent event);

    /** How many seats are held right now (a count, not the list: stats ask often). */
    CompletableFuture<Long> heldCount(LiveEvent event);
}
