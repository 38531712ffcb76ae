package dev.curtain.desktop.ui.sale;

import dev.curtain.model.venue.Seat;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A seat in the cart with its chosen ticket type; the price follows the type. */
public final class CartLine {

    private final Seat seat;
    private final Map<String, Long> prices;
    private final StringProperty ticketType;
    private final LongBinding price;

    public CartLine(Seat seat, Map<String, Long> prices) {
        this.seat = seat;
        this.prices = prices;
        this.ticketType = new SimpleStringProperty(prices.keySet().stream().findFirst().orElse(""));
        this.price = Bindings.createLongBinding(() -> prices.getOrDefault(ticketType.get(), 0L), ticketType);
    }

    public Seat seat() {
        return seat;
    }

    public String label() {
        return seat.section() + " · Row " + seat.row() + " · Seat " + seat.number();
    }

    public List<String> ticketTypes() {
        return List.copyOf(prices.keySet());
    }

    public StringProperty ticketTypeProperty() {
        return ticketType;
    }

    public LongBinding priceProperty() {
        return price;
    }
}
