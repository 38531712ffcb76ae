package dev.curtain.model.booking;

/** How a booking is paid; EXCHANGE_CREDIT moves value from an exchanged booking to its replacement. */
public enum PaymentMethod {
    CASH, CARD_TERMINAL, COMP, STRIPE, EXCHANGE_CREDIT
}
