package dev.curtain.server.web;

import dev.curtain.model.problem.Problem;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem+json documents; the one place that knows their shape and the default codes. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    private Problems() {
    }

    public static Problem of(HttpStatus status, String code, String detail, String field, List<String> unavailable) {
        return new Problem("https://curtain.dev/problems/" + code.toLowerCase().replace('_', '-'),
                status.getReason(), status.getCode(), detail, code, field, unavailable);
    }

    public static Problem of(DomainException e) {
        return of(e.status(), e.code(), e.getMessage(), e.field(), e.unavailable());
    }

    public static <T> MutableHttpResponse<Problem> write(MutableHttpResponse<T> response, Problem problem) {
        return response.status(problem.status()).contentType(PROBLEM_JSON).body(problem);
    }

    /** The code used when nothing more specific is known. */
    public static String defaultCode(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "BAD_REQUEST";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
            case CONFLICT -> "CONFLICT";
            case REQUEST_ENTITY_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
            case UNPROCESSABLE_ENTITY -> "UNPROCESSABLE";
            case TOO_MANY_REQUESTS -> "TOO_MANY_REQUESTS";
            case SERVICE_UNAVAILABLE -> "SERVICE_UNAVAILABLE";
            default -> status.getCode() >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
        };
    }
}
