package dev.curtain.server.hold;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Until bookings and seat blocks are stored in PostgreSQL, no seat of any event is sold or
 * blocked there; the bookings feature replaces this bean with the real query.
 */
@Singleton
@Secondary
public class NoSalesYet implements SoldAndBlockedSeats {

    @Override
    public List<String> sold(String eventId) {
        return List.of();
    }

    @Override
    public List<String> blocked(String eventId) {
        return List.of();
    }
}
