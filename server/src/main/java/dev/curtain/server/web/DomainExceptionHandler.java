package dev.curtain.server.web;

import dev.curtain.model.problem.Problem;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
@Produces(Problem.MEDIA_TYPE)
@Requires(classes = {DomainException.class, ExceptionHandler.class})
public class DomainExceptionHandler implements ExceptionHandler<DomainException, MutableHttpResponse<Problem>> {

    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        return Problems.write(HttpResponse.status(exception.status()), Problems.of(exception));
    }
}
