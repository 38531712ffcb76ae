package dev.curtain.server.web;

import dev.curtain.model.problem.Problem;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis away: live operations fail fast with 503 and Retry-After instead of hanging; nothing
 * confirmed depends on Redis, and the server reconnects by itself.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class RedisUnavailableHandler implements ExceptionHandler<RedisException, MutableHttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(RedisUnavailableHandler.class);
    static final String RETRY_AFTER_SECONDS = "2";

    @Override
    public MutableHttpResponse<Problem> handle(HttpRequest request, RedisException exception) {
        if (exception instanceof RedisConnectionException || isConnectivity(exception)) {
            LOG.warn("event=redis_unavailable path={} error={}", request.getPath(), exception.toString());
        } else {
            LOG.error("event=redis_error path={}", request.getPath(), exception);
        }
        return Problems.write(HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE), Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "LIVE_STATE_UNAVAILABLE", "Live seat state is unavailable for a moment; try again shortly.", null, null))
                .header("Retry-After", RETRY_AFTER_SECONDS);
    }

    private static boolean isConnectivity(RedisException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Connection") || m.contains("timed out") || m.contains("disconnected");
    }
}
