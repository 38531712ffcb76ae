package dev.curtain.server.payment;

import java.util.Map;

/**
 * The few Stripe calls Curtain makes. Every call that creates something carries an idempotency key
 * derived from Curtain's own records, so a retry after a crash or a lost answer never charges or
 * refunds twice.
 */
public interface StripeGateway {

    /** A PaymentIntent as far as Curtain cares: its status decides the booking. */
    record Intent(String id, String status, String clientSecret, long amountMinor, String currency) {

        public boolean succeeded() {
            return "succeeded".equals(status);
        }

        public boolean canceled() {
            return "canceled".equals(status);
        }
    }

    record Refund(String id, String status) {
    }

    /** Stripe could not be reached or answered with a server error: nothing is known, try again later. */
    final class Unreachable extends RuntimeException {
        public Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Stripe answered and refused (bad request, intent in the wrong state, ...). */
    final class Refused extends RuntimeException {
        private final String code;

        public Refused(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    boolean available();

    Intent createIntent(long amountMinor, String currency, Map<String, String> metadata, String idempotencyKey);

    Intent retrieveIntent(String intentId);

    Intent cancelIntent(String intentId);

    Refund refund(String intentId, long amountMinor, Map<String, String> metadata, String idempotencyKey);
}
