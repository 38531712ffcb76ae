package dev.curtain.server.hold;

import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;
import java.util.List;

/** The refusals of the hold API, each with its stable code. */
public final class HoldProblems {

    private HoldProblems() {
    }

    public static DomainException unavailable(List<String> seatIds) {
        return new DomainException(HttpStatus.CONFLICT, "SEATS_UNAVAILABLE",
                (seatIds.size() == 1 ? "Seat " + seatIds.get(0) + " is" : "Seats " + String.join(", ", seatIds) + " are")
                        + " no longer available: nothing was held.", "seatIds", List.copyOf(seatIds));
    }

    public static DomainException holdNotFound(String holdId) {
        return DomainException.notFound("HOLD_NOT_FOUND",
                "There is no live hold '" + holdId + "' of yours: it may have expired or been released.");
    }

    public static DomainException tooManyHolds(int max) {
        return DomainException.conflict("TOO_MANY_HOLDS",
                "You already have " + max + " live holds on this performance: release or confirm one first.");
    }

    public static DomainException tooManySeats(int max) {
        return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "TOO_MANY_SEATS",
                "A hold on this performance may have at most " + max + " seats.", "seatIds", null);
    }

    public static DomainException noBlock(int count) {
        return DomainException.conflict("NO_BLOCK_AVAILABLE",
                "No " + count + " adjacent seats are available" + (count > 1 ? " together" : "") + " for this request.");
    }

    public static DomainException seatNotInHold(String seatId) {
        return DomainException.notFound("SEAT_NOT_IN_HOLD", "Seat " + seatId + " is not part of this hold.");
    }

    public static DomainException invalid(String field, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_HOLD", detail, field, null);
    }
}
