package dev.curtain.server.web;

import dev.curtain.model.problem.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Every error the framework answers (bad JSON, unknown route, missing token, failed validation,
 * unexpected fault) goes out as problem+json with a stable code, like the domain's own refusals.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Throwable cause = context.getRootCause().orElse(null);
        Problem problem;
        if (cause instanceof DomainException domain) {
            problem = Problems.of(domain);
        } else if (cause instanceof AuthorizationException auth) {
            problem = auth.isForbidden()
                    ? Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.", null, null)
                    : Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "Sign in first: a valid bearer token is required.", null, null);
        } else if (status.getCode() >= 500) {
            problem = Problems.of(status, Problems.defaultCode(status),
                    "The server could not complete this request; the fault has been logged.", null, null);
        } else {
            String code = isJsonError(cause)
                    ? "INVALID_BODY" : Problems.defaultCode(status);
            problem = Problems.of(status, code, detail(context, status), firstPath(context), null);
        }
        if (context.getRequest().getMethod() == io.micronaut.http.HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        return Problems.write(response, problem);
    }

    /** Anywhere in the cause chain: Micronaut wraps the parser's complaint in its own exceptions. */
    private static boolean isJsonError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException || t instanceof ConversionErrorException
                    || t.getClass().getSimpleName().contains("Conversion")) {
                return true;
            }
        }
        return false;
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        if (!context.hasErrors()) {
            return status == HttpStatus.NOT_FOUND
                    ? "Nothing here: " + context.getRequest().getPath()
                    : status.getReason();
        }
        return context.getErrors().stream()
                .map(Error::getMessage)
                .map(ProblemErrorResponseProcessor::firstLine)
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private static String firstPath(ErrorContext context) {
        return context.getErrors().stream()
                .map(Error::getPath)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(null);
    }

    /** Jackson messages carry source locations on later lines; people need only the first. */
    private static String firstLine(String message) {
        if (message == null) {
            return "Invalid request";
        }
        int cut = message.indexOf('\n');
        String line = cut < 0 ? message : message.substring(0, cut);
        int source = line.indexOf(" at [Source");
        return (source < 0 ? line : line.substring(0, source)).trim();
    }
}
