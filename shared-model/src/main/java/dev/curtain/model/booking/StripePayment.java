package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The card part of a booking paid through Stripe. {@code clientSecret} is given to the client
 * that made the booking while it waits for payment (Stripe.js / the kiosk confirm the intent
 * with it); it is never shown to anybody else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StripePayment(String paymentIntentId, String clientSecret, long amountMinor, String currency,
                            String status) {

    public StripePayment withoutClientSecret() {
        return new StripePayment(paymentIntentId, null, amountMinor, currency, status);
    }
}
