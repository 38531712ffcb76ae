package dev.curtain.model.venue;

public enum VenueKind {
    CINEMA, THEATRE, CONCERT_HALL, CABARET, ARENA, OTHER
}
