package dev.curtain.server.payment;

import dev.curtain.model.payment.StuckPayment;
import dev.curtain.server.auth.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;

@Controller("/api/payments")
@Tag(name = "payments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PaymentController {

    private final CardPayments cards;

    public PaymentController(CardPayments cards) {
        this.cards = cards;
    }

    /** Stripe signs each delivery; the signature, not a token, is what is checked. */
    @Post(value = "/stripe/webhook", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Stripe webhook: payment_intent.succeeded / payment_failed / canceled, signature verified, applied once")
    public Map<String, String> webhook(@Body @Nullable String payload, @Header("Stripe-Signature") @Nullable String signature) {
        return cards.webhook(payload, signature);
    }

    @Get("/stuck")
    @Secured({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Card payments stuck past their deadline (Stripe unreachable; seats kept) and card refunds Stripe refused")
    public List<StuckPayment> stuck() {
        return cards.needingAttention();
    }
}
