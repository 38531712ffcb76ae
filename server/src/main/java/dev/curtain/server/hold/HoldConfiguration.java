package dev.curtain.server.hold;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Hold limits and the expiry sweeper (environment: CURTAIN_HOLDS_MAX_LIVE_PER_PRINCIPAL and so on).
 *
 * @param maxLivePerPrincipal live holds one principal may have per event
 * @param maxLifetimeSeconds  a hold is never extended past this age
 * @param sweepIntervalMillis how often each node looks for expired holds
 * @param sweepBatch          expired holds taken per event and sweep
 */
@ConfigurationProperties("curtain.holds")
public record HoldConfiguration(
        @Bindable(defaultValue = "10") int maxLivePerPrincipal,
        @Bindable(defaultValue = "1800") int maxLifetimeSeconds,
        @Bindable(defaultValue = "250") int sweepIntervalMillis,
        @Bindable(defaultValue = "500") int sweepBatch) {
}
