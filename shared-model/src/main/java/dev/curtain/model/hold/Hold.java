package dev.curtain.model.hold;

import java.time.Instant;
import java.util.List;

/** A live all-or-nothing claim on seats of one event; {@code version} is the event's version after it. */
public record Hold(String holdId, String eventId, List<String> seatIds, Instant expiresAt, long version) {
}
