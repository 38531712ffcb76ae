package dev.curtain.server.hold;

import dev.curtain.model.hold.Hold;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.server.event.LiveEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Live seat holds. Every mutation is atomic and all-or-nothing, checks the owner, and publishes
 * its seat changes as one versioned delta. Refusals complete exceptionally with a
 * {@link dev.curtain.server.web.DomainException}.
 */
public interface HoldStore {

    record HoldTimes(Instant now, Instant expiresAt) {
    }

    record BestQuery(int count, List<String> categories, boolean accessible, boolean allowSingleGaps) {
    }

    CompletableFuture<Hold> create(LiveEvent event, String holdId, String owner, List<String> seatIds,
                                   HoldTimes times, int maxLive);

    /** Finds and holds the best block; with {@code replaceHoldId}, releases that hold in the same step. */
    CompletableFuture<Hold> best(LiveEvent event, String holdId, String owner, BestQuery query, HoldTimes times,
                                 int maxLive, String replaceHoldId);

    CompletableFuture<Hold> get(LiveEvent event, String holdId, String owner, Instant now);

    CompletableFuture<Hold> addSeats(LiveEvent event, String holdId, String owner, List<String> seatIds, Instant now,
                                     int maxSeats);

    /** Empty when the seat was the hold's last and the hold is gone. */
    CompletableFuture<Optional<Hold>> removeSeat(LiveEvent event, String holdId, String owner, String seatId, Instant now);

    CompletableFuture<Hold> extend(LiveEvent event, String holdId, String owner, Instant now, long ttlMillis,
                                   long maxLifetimeMillis);

    CompletableFuture<Long> release(LiveEvent event, String holdId, String owner, Instant now);

    CompletableFuture<SeatSnapshot> snapshot(LiveEvent event, String owner, Instant now);

    /** Expires due holds of one event; answers {expired, stillLive}. */
    CompletableFuture<long[]> expire(String eventId, Instant now, int limit);

    CompletableFuture<List<String>> eventsWithLiveState();
}
