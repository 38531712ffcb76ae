package dev.curtain.model.venue;

public enum TableShape {
    ROUND, RECT
}
