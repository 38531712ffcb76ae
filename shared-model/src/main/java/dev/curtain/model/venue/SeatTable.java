package dev.curtain.model.venue;

import java.util.List;

/** A table that owns seats (cabaret, gala dinner). {@code x,y} is its centre, {@code w,h} its size. */
public record SeatTable(
        String id,
        String label,
        double x,
        double y,
        double w,
        double h,
        TableShape shape,
        List<String> seatIds,
        TablePolicy policy) {

    public SeatTable {
        seatIds = seatIds == null ? List.of() : List.copyOf(seatIds);
        shape = shape == null ? TableShape.ROUND : shape;
        policy = policy == null ? TablePolicy.EITHER : policy;
    }
}
