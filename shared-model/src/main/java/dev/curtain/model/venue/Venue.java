package dev.curtain.model.venue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A venue layout document: everything needed to draw a house and to sell its seats.
 * Coordinates are layout units; (0,0) is the top-left corner, the stage or screen is usually at the top.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Venue(
        String id,
        String name,
        VenueKind kind,
        double width,
        double height,
        Point sweetSpot,
        List<Category> categories,
        List<Seat> seats,
        List<SeatTable> tables,
        List<Shape> shapes) {

    public Venue {
        categories = categories == null ? List.of() : List.copyOf(categories);
        seats = seats == null ? List.of() : List.copyOf(seats);
        tables = tables == null ? List.of() : List.copyOf(tables);
        shapes = shapes == null ? List.of() : List.copyOf(shapes);
    }

    public int capacity() {
        return seats.size();
    }

    /** The same layout under another id (venue creation assigns ids). */
    public Venue withId(String newId) {
        return new Venue(newId, name, kind, width, height, sweetSpot, categories, seats, tables, shapes);
    }
}
