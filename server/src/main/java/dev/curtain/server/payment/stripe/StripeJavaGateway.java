package dev.curtain.server.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.curtain.server.payment.StripeConfiguration;
import dev.curtain.server.payment.StripeGateway;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link StripeGateway} through stripe-java, with its own client (API base, timeouts, retries from configuration). */
@Singleton
public class StripeJavaGateway implements StripeGateway {

    private static final Logger LOG = LoggerFactory.getLogger(StripeJavaGateway.class);

    private final StripeClient client;

    public StripeJavaGateway(StripeConfiguration config) {
        if (config.configured()) {
            this.client = StripeClient.builder()
                    .setApiKey(config.secretKey())
                    .setApiBase(config.apiBase())
                    .setConnectTimeout(config.connectTimeoutMillis())
                    .setReadTimeout(config.readTimeoutMillis())
                    .setMaxNetworkRetries(config.maxNetworkRetries())
                    .build();
            LOG.info("event=stripe_enabled api_base={}", config.apiBase());
        } else {
            this.client = null;
            boolean half = config.secretKey() != null && !config.secretKey().isBlank()
                    || config.webhookSecret() != null && !config.webhookSecret().isBlank();
            if (half) {
                LOG.warn("event=stripe_disabled reason=\"set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET\"");
            } else {
                LOG.info("event=stripe_disabled reason=\"STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are not set\"");
            }
        }
    }

    @Override
    public boolean available() {
        return client != null;
    }

    @Override
    public Intent createIntent(long amountMinor, String currency, Map<String, String> metadata, String idempotencyKey) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(amountMinor)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build());
        metadata.forEach(params::putMetadata);
        return call("create intent", () -> intent(client().v1().paymentIntents().create(params.build(), key(idempotencyKey))));
    }

    @Override
    public Intent retrieveIntent(String intentId) {
        return call("retrieve intent", () -> intent(client().v1().paymentIntents().retrieve(intentId)));
    }

    @Override
    public Intent cancelIntent(String intentId) {
        return call("cancel intent", () -> intent(client().v1().paymentIntents().cancel(intentId)));
    }

    @Override
    public Refund refund(String intentId, long amountMinor, Map<String, String> metadata, String idempotencyKey) {
        RefundCreateParams.Builder params = RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(amountMinor);
        metadata.forEach(params::putMetadata);
        return call("refund", () -> {
            com.stripe.model.Refund r = client().v1().refunds().create(params.build(), key(idempotencyKey));
            return new Refund(r.getId(), r.getStatus());
        });
    }

    private StripeClient client() {
        if (client == null) {
            throw new IllegalStateException("Stripe is not configured");
        }
        return client;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static Intent intent(PaymentIntent pi) {
        return new Intent(pi.getId(), pi.getStatus(), pi.getClientSecret(), pi.getAmount() == null ? 0 : pi.getAmount(),
                pi.getCurrency());
    }

    private interface Call<T> {
        T run() throws StripeException;
    }

    /** Sorts Stripe's failures into "unknown, try again" and "refused"; messages carry no secrets. */
    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException e) {
            throw new Unreachable("Stripe could not be reached (" + what + ")", e);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            if (status == null || status >= 500 || status == 429 || status == 409) {
                throw new Unreachable("Stripe did not settle the call (" + what + ", status " + status + ")", e);
            }
            throw new Refused(e.getCode(), "Stripe refused to " + what + " (status " + status + ", code " + e.getCode() + ")", e);
        }
    }
}
