package dev.curtain.server.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bearer-token authentication that checks each token's signature once and then remembers the
 * answer until the token expires. A busy client sends the same token hundreds of times a minute,
 * and parsing and verifying it again every time was the largest single cost of a hold after the
 * framework itself. A token is an immutable signed statement valid until its {@code exp}, so
 * remembering the result answers exactly as validating again would. Tokens without an expiry
 * are validated every time. Replaces Micronaut's fetcher, which also published a
 * {@code TokenValidatedEvent} per request that nothing here listens to.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
public class RememberingTokenFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    /** Live tokens remembered at most; past it expired ones go, and if that is not enough, all. */
    static final int MAX_REMEMBERED = 50_000;

    private record Validated(Authentication authentication, Instant expiresAt) {
    }

    private final List<TokenValidator<HttpRequest<?>>> validators;
    private final TokenResolver<HttpRequest<?>> resolver;
    private final Clock clock;
    private final Map<String, Validated> validated = new ConcurrentHashMap<>();

    public RememberingTokenFetcher(List<TokenValidator<HttpRequest<?>>> validators,
                                   TokenResolver<HttpRequest<?>> resolver, Clock clock) {
        this.validators = validators;
        this.resolver = resolver;
        this.clock = clock;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        List<String> tokens = resolver.resolveTokens(request);
        if (tokens.isEmpty()) {
            return Flux.empty();
        }
        String token = tokens.get(0);
        Instant now = clock.instant();
        Validated known = validated.get(token);
        if (known != null) {
            if (now.isBefore(known.expiresAt())) {
                request.setAttribute(SecurityFilter.TOKEN, token);
                return Mono.just(known.authentication());
            }
            validated.remove(token, known);
        }
        return Flux.fromIterable(validators)
                .concatMap(validator -> validator.validateToken(token, request))
                .next()
                .map(authentication -> {
                    remember(token, authentication, now);
                    request.setAttribute(SecurityFilter.TOKEN, token);
                    return authentication;
                });
    }

    @Override
    public int getOrder() {
        return TokenAuthenticationFetcher.ORDER;
    }

    private void remember(String token, Authentication authentication, Instant now) {
        Instant expiresAt = expiry(authentication.getAttributes().get("exp"));
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return;
        }
        if (validated.size() >= MAX_REMEMBERED) {
            validated.values().removeIf(v -> !now.isBefore(v.expiresAt()));
            if (validated.size() >= MAX_REMEMBERED) {
                validated.clear();
            }
        }
        validated.put(token, new Validated(authentication, expiresAt));
    }

    /** The {@code exp} claim as the JWT library hands it over: a Date, or seconds since the epoch. */
    static Instant expiry(Object exp) {
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }
}
