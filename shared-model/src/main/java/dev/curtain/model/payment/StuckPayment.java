package dev.curtain.model.payment;

import java.time.Instant;

/**
 * A card payment that could not be settled by its deadline because Stripe did not answer: its
 * booking keeps the seats until the recovery job hears from Stripe. Shown to managers.
 */
public record StuckPayment(
        String bookingId,
        String code,
        String eventId,
        String eventTitle,
        long amountMinor,
        String currency,
        String paymentIntentId,
        Instant paymentDeadline,
        String kind,
        String status,
        String detail,
        Instant checkedAt) {
}
