package dev.curtain.model.venue;

/** A venue in a list: no seats, so that listing stays small for 100,000-seat houses. */
public record VenueSummary(String id, String name, VenueKind kind, int capacity) {
}
