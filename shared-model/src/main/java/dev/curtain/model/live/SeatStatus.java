package dev.curtain.model.live;

public enum SeatStatus {
    AVAILABLE, HELD, SOLD, BLOCKED
}
