package dev.curtain.model.venue;

/** How a table's seats may be sold: only as a whole table, only seat by seat, or either way. */
public enum TablePolicy {
    WHOLE, SEATS, EITHER
}
