package dev.curtain.server.web;

import dev.curtain.model.problem.Problem;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Answers every {@link DomainException} as problem+json. A global error route rather than an
 * {@code ExceptionHandler} bean: Micronaut looks an exception handler up by closest type argument
 * on every error, uncached (about two thirds of a refused hold's CPU in the profile), while error
 * routes are found in the router's table. Refusals are the common answer in a rush.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
public class DomainErrorRoute {

    // Any Accept: an error route is only chosen when it produces what the request accepts, and a
    // client asking for application/json must still get its refusal this way (the answer's own
    // content type stays problem+json, set by Problems.write).
    @Error(global = true, exception = DomainException.class)
    @Produces(MediaType.ALL)
    public MutableHttpResponse<Problem> refuse(DomainException exception) {
        return Problems.write(HttpResponse.status(exception.status()), Problems.of(exception));
    }
}
