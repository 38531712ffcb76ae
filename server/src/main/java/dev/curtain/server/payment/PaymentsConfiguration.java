package dev.curtain.server.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Payment rules (environment: CURTAIN_PAYMENTS_WINDOW_SECONDS and so on).
 *
 * @param windowSeconds          how long the seats of a booking wait for its card payment
 * @param recoveryBatch          pending payments one recovery run settles at most
 * @param clerkRefundLimitMinor  the largest refund a clerk may give in one go (managers: no limit)
 * @param drawerCurrency         the currency of a cash drawer opened without naming one
 */
@ConfigurationProperties("curtain.payments")
public record PaymentsConfiguration(
        @Bindable(defaultValue = "900") int windowSeconds,
        @Bindable(defaultValue = "50") int recoveryBatch,
        @Bindable(defaultValue = "50000") long clerkRefundLimitMinor,
        @Bindable(defaultValue = "EUR") String drawerCurrency) {
}
