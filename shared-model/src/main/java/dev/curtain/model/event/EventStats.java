package dev.curtain.model.event;

/** Seat counts of a performance right now and the value of its active sales. */
public record EventStats(String eventId, int capacity, int available, int held, int sold, int blocked,
                         long revenueMinor, String currency) {
}
