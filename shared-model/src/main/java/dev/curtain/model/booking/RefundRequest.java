package dev.curtain.model.booking;

import java.util.List;

/** Refunds the named seats (all active seats when {@code seatIds} is empty) with a reason. */
public record RefundRequest(List<String> seatIds, String reason) {
}
