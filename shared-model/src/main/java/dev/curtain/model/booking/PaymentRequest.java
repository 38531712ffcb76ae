package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the customer pays: CASH with {@code tenderedMinor} (change is given back), CARD_TERMINAL
 * with the terminal's {@code reference}, COMP (manager, or a clerk with a manager's
 * {@code approval}), STRIPE (card payment online or at a kiosk: the booking waits as
 * PENDING_PAYMENT until Stripe reports the payment). In a split payment each part names its
 * {@code amountMinor}; one part may leave it out and takes the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentRequest(PaymentMethod method, Long tenderedMinor, String reference, Approval approval,
                             Long amountMinor) {

    public PaymentRequest(PaymentMethod method, Long tenderedMinor, String reference, Approval approval) {
        this(method, tenderedMinor, reference, approval, null);
    }

    public static PaymentRequest cash(long tenderedMinor) {
        return new PaymentRequest(PaymentMethod.CASH, tenderedMinor, null, null, null);
    }

    public static PaymentRequest card(String reference) {
        return new PaymentRequest(PaymentMethod.CARD_TERMINAL, null, reference, null, null);
    }

    public static PaymentRequest stripe() {
        return new PaymentRequest(PaymentMethod.STRIPE, null, null, null, null);
    }

    /** This part with an amount (for split payments). */
    public PaymentRequest amount(long amountMinor) {
        return new PaymentRequest(method, tenderedMinor, reference, approval, amountMinor);
    }
}
