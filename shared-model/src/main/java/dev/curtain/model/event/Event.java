package dev.curtain.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A performance of a venue. {@code prices} maps price category → ticket type → amount in minor units
 * of {@code currency} (ISO 4217). {@code venueName} and {@code capacity} are filled in by the server
 * on reads and ignored on create.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(
        String id,
        String venueId,
        String title,
        Instant startsAt,
        String currency,
        Map<String, Map<String, Long>> prices,
        Integer holdTtlSeconds,
        Integer maxSeatsPerHold,
        Instant onSaleFrom,
        Instant onSaleUntil,
        Boolean queueEnabled,
        String venueName,
        Integer capacity) {

    public static final int DEFAULT_HOLD_TTL_SECONDS = 600;
    public static final int MAX_HOLD_TTL_SECONDS = 1800;
    public static final int MIN_HOLD_TTL_SECONDS = 30;
    public static final int DEFAULT_MAX_SEATS_PER_HOLD = 10;
    public static final int MAX_SEATS_PER_HOLD_LIMIT = 50;

    /** Whether tickets may be sold at {@code now}. */
    public boolean onSaleAt(Instant now) {
        return (onSaleFrom == null || !now.isBefore(onSaleFrom))
                && (onSaleUntil == null || now.isBefore(onSaleUntil));
    }
}
