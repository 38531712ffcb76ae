package dev.curtain.server.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Demo data switches. {@code password} is filled in by the launcher: CURTAIN_DEMO_PASSWORD, or a
 * generated one kept in the Curtain home folder.
 */
@ConfigurationProperties("curtain.demo")
public record DemoConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable String password,
        @Bindable(defaultValue = "false") boolean passwordFromEnvironment,
        @Bindable(defaultValue = "false") boolean reset) {
}
