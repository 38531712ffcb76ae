package dev.curtain.model.hold;

import java.util.List;

/** Exactly one of {@code seatIds}, {@code tableId} or {@code best}. */
public record HoldRequest(List<String> seatIds, String tableId, BestRequest best) {

    public static HoldRequest seats(List<String> seatIds) {
        return new HoldRequest(seatIds, null, null);
    }

    public static HoldRequest table(String tableId) {
        return new HoldRequest(null, tableId, null);
    }

    public static HoldRequest best(BestRequest best) {
        return new HoldRequest(null, null, best);
    }
}
