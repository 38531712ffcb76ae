package dev.curtain.server.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Stripe access (environment: STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET; CURTAIN_STRIPE_API_BASE and
 * so on). Without both secrets, STRIPE is unavailable and everything else works.
 *
 * @param secretKey               the API secret key ({@code sk_...})
 * @param webhookSecret           the signing secret of the webhook endpoint ({@code whsec_...})
 * @param apiBase                 where the Stripe API is (tests point it at a local stub)
 * @param webhookToleranceSeconds a webhook signed longer ago than this is refused as a replay
 * @param connectTimeoutMillis    connect timeout of calls to Stripe
 * @param readTimeoutMillis       read timeout of calls to Stripe
 * @param maxNetworkRetries       retries of a failed call (safe: every call carries an idempotency key)
 */
@ConfigurationProperties("curtain.stripe")
public record StripeConfiguration(
        @Nullable String secretKey,
        @Nullable String webhookSecret,
        @Bindable(defaultValue = "https://api.stripe.com") String apiBase,
        @Bindable(defaultValue = "300") long webhookToleranceSeconds,
        @Bindable(defaultValue = "5000") int connectTimeoutMillis,
        @Bindable(defaultValue = "20000") int readTimeoutMillis,
        @Bindable(defaultValue = "1") int maxNetworkRetries) {

    public boolean configured() {
        return present(secretKey) && present(webhookSecret);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** Never shows the secrets, so logging this record is safe. */
    @Override
    public String toString() {
        return "StripeConfiguration[secretKey=" + (present(secretKey) ? "(set)" : "(unset)")
                + ", webhookSecret=" + (present(webhookSecret) ? "(set)" : "(unset)") + ", apiBase=" + apiBase
                + ", webhookToleranceSeconds=" + webhookToleranceSeconds + "]";
    }
}
