package dev.curtain.server.auth;

import dev.curtain.model.auth.LoginRequest;
import dev.curtain.model.auth.RefreshRequest;
import dev.curtain.model.auth.TokenResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

@Controller("/api/auth")
@Tag(name = "auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthController {

    private final AuthService auth;

    public AuthController(AuthService auth) {
        this.auth = auth;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Staff sign-in", description = "Answers 401 INVALID_CREDENTIALS without saying which part was wrong.")
    public TokenResponse login(@Body LoginRequest request) {
        return auth.login(request.username(), request.password());
    }

    @Post("/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Swap a refresh token for new tokens (each refresh token works once)")
    public TokenResponse refresh(@Body RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @Post("/guest")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "A short-lived CUSTOMER token for online and kiosk buyers")
    public TokenResponse guest() {
        return auth.guest();
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Who the bearer token belongs to")
    public Map<String, Object> me(Authentication authentication) {
        return Map.of("username", authentication.getName(), "roles", authentication.getRoles());
    }
}
