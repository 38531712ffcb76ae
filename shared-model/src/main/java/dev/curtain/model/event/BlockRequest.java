package dev.curtain.model.event;

import java.util.List;

/** Seats to block (house seats, kills, broken seats) with the reason, or to unblock. */
public record BlockRequest(List<String> seatIds, String reason) {
}
