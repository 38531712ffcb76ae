package dev.curtain.server.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Token lifetimes (environment: CURTAIN_AUTH_ACCESS_TOKEN_SECONDS and so on). */
@ConfigurationProperties("curtain.auth")
public record AuthConfiguration(
        @Bindable(defaultValue = "3600") int accessTokenSeconds,
        @Bindable(defaultValue = "7200") int guestTokenSeconds,
        @Bindable(defaultValue = "14") int refreshTokenDays) {
}
