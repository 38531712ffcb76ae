package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Moves seats of a booking ({@code seatIds}, or all active seats) to the seats of a hold of the
 * caller, for the same or another performance. A higher price needs a {@code payment} of the
 * difference; a lower one is refunded the way the booking was paid.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExchangeRequest(List<String> seatIds, String holdId, Map<String, String> ticketTypes,
                              PaymentRequest payment, String reason) {
}
