package dev.curtain.model.event;

import java.time.Instant;

public record SeatBlock(String seatId, String reason, String blockedBy, Instant createdAt) {
}
