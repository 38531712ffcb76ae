package dev.curtain.model.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem document. {@code code} is stable and meant for programs; {@code detail} is
 * meant for people. {@code field} points at the offending input item (for example
 * {@code seats[12].id}); {@code unavailable} lists seats that stopped a hold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String field,
        List<String> unavailable) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
