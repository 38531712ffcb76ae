package dev.curtain.model.venue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One seat. {@code id} is stable across the venue's life (for example {@code ORCH-C-12}); x/y is the
 * seat's top-left corner and w/h its size, in layout units.
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Seat(
        String id,
        String section,
        String row,
        int number,
        double x,
        double y,
        double w,
        double h,
        String category,
        boolean accessible,
        boolean restrictedView,
        String tableId) {

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }
}
