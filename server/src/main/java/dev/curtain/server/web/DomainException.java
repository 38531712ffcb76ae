package dev.curtain.server.web;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * An expected refusal with a stable {@code code}, answered as problem+json. It carries no stack
 * trace: it is an answer, not a fault.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final List<String> unavailable;

    public DomainException(HttpStatus status, String code, String detail, String field, List<String> unavailable) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.unavailable = unavailable;
    }

    public DomainException(HttpStatus status, String code, String detail) {
        this(status, code, detail, null, null);
    }

    public static DomainException invalid(String field, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_INPUT", detail, field, null);
    }

    public static DomainException notFound(String code, String detail) {
        return new DomainException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static DomainException conflict(String code, String detail) {
        return new DomainException(HttpStatus.CONFLICT, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public List<String> unavailable() {
        return unavailable;
    }
}
