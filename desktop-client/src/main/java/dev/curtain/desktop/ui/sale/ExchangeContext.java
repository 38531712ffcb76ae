package dev.curtain.desktop.ui.sale;

import dev.curtain.model.booking.Booking;
import java.util.List;

/** A booking's seats on their way to new seats: the cart being built replaces them. */
public record ExchangeContext(Booking booking, List<String> seatIds, long creditMinor) {

    public static ExchangeContext of(Booking booking, List<String> selected) {
        List<String> seats = selected.isEmpty()
                ? booking.seats().stream().filter(s -> "ACTIVE".equals(s.status())).map(s -> s.seatId()).toList()
                : List.copyOf(selected);
        long credit = booking.seats().stream().filter(s -> seats.contains(s.seatId())).mapToLong(s -> s.priceMinor()).sum();
        return new ExchangeContext(booking, seats, credit);
    }
}
