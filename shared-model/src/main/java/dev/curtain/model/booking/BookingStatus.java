package dev.curtain.model.booking;

public enum BookingStatus {
    PENDING_PAYMENT, CONFIRMED, PARTIALLY_REFUNDED, REFUNDED, EXPIRED, EXCHANGED
}
