package dev.curtain.server.booking;

import dev.curtain.server.web.DomainException;
import io.micronaut.http.HttpStatus;

final class BookingProblems {

    private BookingProblems() {
    }

    static DomainException invalid(String field, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_BOOKING", detail, field, null);
    }

    static DomainException notFound(String id) {
        return DomainException.notFound("BOOKING_NOT_FOUND", "There is no booking '" + id + "'.");
    }

    static DomainException staffOnly() {
        return new DomainException(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only box-office staff may do this.", null, null);
    }
}
