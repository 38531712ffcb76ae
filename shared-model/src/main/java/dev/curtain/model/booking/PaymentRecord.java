package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A payment (positive) or refund (negative amount) of a booking. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentRecord(
        String kind,
        PaymentMethod method,
        long amountMinor,
        Long tenderedMinor,
        Long changeMinor,
        String reference,
        String approvedBy,
        String status,
        Instant createdAt,
        String createdBy) {
}
