package dev.curtain.model.booking;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the customer pays: CASH with {@code tenderedMinor} (change is given back), CARD_TERMINAL
 * with the terminal's {@code reference}, COMP (manager, or a clerk with a manager's
 * {@code approval}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentRequest(PaymentMethod method, Long tenderedMinor, String reference, Approval approval) {

    public static PaymentRequest cash(long tenderedMinor) {
        return new PaymentRequest(PaymentMethod.CASH, tenderedMinor, null, null);
    }

    public static PaymentRequest card(String reference) {
        return new PaymentRequest(PaymentMethod.CARD_TERMINAL, null, reference, null);
    }
}
