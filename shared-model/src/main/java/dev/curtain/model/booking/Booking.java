package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A sale of seats. {@code paymentDeadline} and {@code stripe} are set while a card payment through
 * Stripe is awaited (status PENDING_PAYMENT): the seats are reserved until the deadline.
 */
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
        String createdBy,
        Instant paymentDeadline,
        StripePayment stripe) {

    /** The same booking without the Stripe client secret (for readers other than its creator). */
    public Booking withoutClientSecret() {
        return stripe == null || stripe.clientSecret() == null ? this
                : new Booking(id, code, eventId, eventTitle, eventStartsAt, status, customer, seats, payments, totalMinor,
                currency, exchangedFrom, createdAt, createdBy, paymentDeadline, stripe.withoutClientSecret());
    }
}
