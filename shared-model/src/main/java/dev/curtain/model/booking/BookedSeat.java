package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One seat of a booking with its ticket; {@code qrPayload} is signed by the server (Ed25519). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookedSeat(
        String seatId,
        String eventId,
        String section,
        String row,
        int number,
        String category,
        String ticketType,
        long priceMinor,
        String status,
        String ticketCode,
        String qrPayload,
        int reprints) {
}
