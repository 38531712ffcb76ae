package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Booking(
        String id,
        String code,
        String eventId,
        String eventTitle,
        Instant eventStartsAt,
        BookingStatus status,
        Customer customer,
        List<BookedSeat> seats,
        List<PaymentRecord> payments,
        long totalMinor,
        String currency,
        String exchangedFrom,
        Instant createdAt,
        String createdBy) {
}
