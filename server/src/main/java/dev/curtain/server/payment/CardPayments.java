package dev.curtain.server.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.curtain.model.booking.BookingStatus;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.payment.StuckPayment;
import dev.curtain.server.audit.AuditLog;
import dev.curtain.server.booking.BookingStore;
import dev.curtain.server.booking.BookingStore.ActiveSeat;
import dev.curtain.server.booking.BookingStore.Head;
import dev.curtain.server.booking.BookingStore.NewPayment;
import dev.curtain.server.booking.BookingStore.PaymentRow;
import dev.curtain.server.db.Database;
import dev.curtain.server.drawer.DrawerService;
import dev.curtain.server.event.EventCatalog;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.LedgerFollowUp;
import dev.curtain.server.hold.SeatLedger;
import dev.curtain.server.hold.SeatLedger.Marker;
import dev.curtain.server.payment.PaymentStore.CardPart;
import dev.curtain.server.payment.PaymentStore.CardRefund;
import dev.curtain.server.payment.StripeGateway.Intent;
import dev.curtain.server.web.DomainException;
import dev.curtain.server.web.Futures;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card payments through Stripe, from the intent to the settled booking. A booking paid by card is
 * written PENDING_PAYMENT with its seats ACTIVE (PostgreSQL reserves them) before Stripe is asked
 * anything, so a crash at any point leaves a record that the recovery job settles. Every change of
 * a booking or payment is guarded in SQL by the state it leaves, so duplicated, reordered or
 * concurrent deliveries (webhooks, recovery on several nodes) apply each change once.
 */
@Singleton
public class CardPayments {

    private static final Logger LOG = LoggerFactory.getLogger(CardPayments.class);
    private static final String SUCCEEDED = "payment_intent.succeeded";
    private static final Set<String> FAILED = Set.of("payment_intent.payment_failed", "payment_intent.canceled");

    /** What a settlement decided, and what to do once it is committed. */
    public record Outcome(String result, String bookingId, String eventId, List<String> releasedSeats,
                          List<Long> cardRefunds) {

        static Outcome of(String result, String bookingId) {
            return new Outcome(result, bookingId, null, List.of(), List.of());
        }
    }

    private final Database db;
    private final BookingStore bookings;
    private final PaymentStore store;
    private final StripeGateway stripe;
    private final StripeConfiguration stripeConfig;
    private final DrawerService drawers;
    private final EventCatalog catalog;
    private final SeatLedger ledger;
    private final LedgerFollowUp followUp;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public CardPayments(Database db, BookingStore bookings, PaymentStore store, StripeGateway stripe,
                        StripeConfiguration stripeConfig, DrawerService drawers, EventCatalog catalog, SeatLedger ledger,
                        LedgerFollowUp followUp, AuditLog audit, ObjectMapper json, Clock clock) {
        this.db = db;
        this.bookings = bookings;
        this.store = store;
        this.stripe = stripe;
        this.stripeConfig = stripeConfig;
        this.drawers = drawers;
        this.catalog = catalog;
        this.ledger = ledger;
        this.followUp = followUp;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The idempotency key of a booking's PaymentIntent: a crash and a retry never make two. */
    public static String intentKey(String bookingId) {
        return "curtain-booking-" + bookingId;
    }

    /** The idempotency key of a card refund, derived from its own payment row. */
    public static String refundKey(long refundPaymentId) {
        return "curtain-refund-" + refundPaymentId;
    }

    // ---- starting a card payment ---------------------------------------------------------------

    /**
     * Creates (or, after a crash or a lost answer, finds again) the PaymentIntent of a booking that
     * waits for its card payment, and stores its id and client secret. Throws
     * {@link StripeGateway.Unreachable} or {@link StripeGateway.Refused}.
     */
    public void startIntent(String bookingId) {
        Optional<CardPart> part = db.read(c -> store.pendingCardPart(c, bookingId));
        if (part.isEmpty() || part.get().stripeIntentId() != null) {
            return;
        }
        Intent intent = create(part.get());
        db.write(c -> {
            store.setIntent(c, part.get().paymentId(), intent.id(), intent.clientSecret());
            return null;
        });
    }

    private Intent create(CardPart part) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("booking_id", part.bookingId());
        metadata.put("booking_code", part.bookingCode());
        return stripe.createIntent(part.amountMinor(), part.currency(), metadata, intentKey(part.bookingId()));
    }

    /** Gives up a card payment Stripe refused to start: the booking expires and its seats are for sale again. */
    public void abandon(String bookingId, String reason) {
        after(db.write(c -> {
            Head head = bookings.lock(c, bookingId).orElseThrow();
            return expire(c, head, store.cardPart(c, bookingId).orElseThrow(), reason, "stripe");
        }));
    }

    // ---- webhook -------------------------------------------------------------------------------

    /**
     * Verifies a webhook delivery and applies it once. Redeliveries and events of other types are
     * acknowledged without effect; an event that cannot be applied now (Stripe unreachable while
     * settling a failure) fails, so that Stripe delivers it again.
     */
    public Map<String, String> webhook(String payload, String signature) {
        if (!stripe.available()) {
            throw unavailable();
        }
        if (signature == null || signature.isBlank()) {
            throw webhookRefused("WEBHOOK_SIGNATURE_MISSING", "The Stripe-Signature header is missing.");
        }
        if (payload == null || payload.isBlank()) {
            throw webhookRefused("WEBHOOK_INVALID", "The webhook has no body.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, stripeConfig.webhookSecret(),
                    stripeConfig.webhookToleranceSeconds(), clock);
        } catch (SignatureVerificationException e) {
            if (e.getMessage() != null && e.getMessage().contains("tolerance")) {
                throw webhookRefused("WEBHOOK_TIMESTAMP_STALE",
                        "The webhook was signed too long ago; a replayed delivery is not accepted.");
            }
            throw webhookRefused("WEBHOOK_SIGNATURE_INVALID", "The webhook signature does not match.");
        } catch (RuntimeException e) {
            throw webhookRefused("WEBHOOK_INVALID", "The webhook is not a Stripe event.");
        }
        String type = event.getType();
        if (event.getId() == null || type == null) {
            throw webhookRefused("WEBHOOK_INVALID", "The webhook is not a Stripe event.");
        }
        if (!SUCCEEDED.equals(type) && !FAILED.contains(type)) {
            db.write(c -> store.firstDelivery(c, event.getId(), type));
            return answer(event.getId(), "ignored", null);
        }
        JsonNode object;
        try {
            object = json.readTree(payload).path("data").path("object");
        } catch (IOException e) {
            throw webhookRefused("WEBHOOK_INVALID", "The webhook is not JSON.");
        }
        String intentId = object.path("id").asText(null);
        String metadataBooking = object.path("metadata").path("booking_id").asText(null);
        Outcome outcome = db.write(c -> {
            if (!store.firstDelivery(c, event.getId(), type)) {
                return Outcome.of("duplicate", null);
            }
            Optional<String> bookingId = intentId == null ? Optional.empty() : store.bookingOfIntent(c, intentId);
            String id = bookingId.orElse(metadataBooking);
            Optional<Head> head = id == null ? Optional.empty() : bookings.lock(c, id);
            Optional<CardPart> part = head.isEmpty() ? Optional.empty() : store.cardPart(c, id);
            if (part.isEmpty() || part.get().stripeIntentId() != null && !part.get().stripeIntentId().equals(intentId)) {
                LOG.warn("event=stripe_webhook_unmatched type={} intent={}", type, intentId);
                return Outcome.of("unmatched", id);
            }
            return SUCCEEDED.equals(type)
                    ? succeeded(c, head.get(), part.get(), intentId, "stripe")
                    : settle(c, head.get(), part.get(), "stripe", false, "Stripe reported " + type);
        });
        after(outcome);
        return answer(event.getId(), outcome.result(), outcome.bookingId());
    }

    private static Map<String, String> answer(String eventId, String result, String bookingId) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("eventId", eventId);
        out.put("result", result);
        if (bookingId != null) {
            out.put("bookingId", bookingId);
        }
        return out;
    }

    // ---- recovery ------------------------------------------------------------------------------

    /**
     * Settles bookings whose payment deadline has passed, one locked row at a time (rows another
     * node holds are skipped), and retries card refunds Stripe has not confirmed yet.
     */
    public int recover(int limit) {
        int settled = 0;
        Set<String> tried = new HashSet<>();
        while (settled < limit) {
            Outcome outcome = db.write(c -> {
                Optional<String> due = store.lockNextDue(c, clock.instant(), tried);
                if (due.isEmpty()) {
                    return null;
                }
                tried.add(due.get());
                Head head = bookings.lock(c, due.get()).orElseThrow();
                Optional<CardPart> part = store.cardPart(c, head.id());
                if (part.isEmpty()) {
                    return expireWithoutCard(c, head);
                }
                return settle(c, head, part.get(), "recovery", true, "payment deadline passed");
            });
            if (outcome == null) {
                break;
            }
            after(outcome);
            settled++;
        }
        Set<Long> refundsTried = new HashSet<>();
        while (settled < limit) {
            boolean found = db.write(c -> {
                Optional<CardRefund> next = store.lockNextCardRefund(c, refundsTried);
                if (next.isEmpty()) {
                    return false;
                }
                refundsTried.add(next.get().paymentId());
                refundLocked(c, next.get());
                return true;
            });
            if (!found) {
                break;
            }
            settled++;
        }
        return settled;
    }

    public List<StuckPayment> needingAttention() {
        return db.read(store::needingAttention);
    }

    // ---- settling ------------------------------------------------------------------------------

    /**
     * Asks Stripe how a pending card payment stands and settles the booking: succeeded → confirmed;
     * otherwise the intent is cancelled (Stripe refuses that if it succeeded meanwhile, and then
     * the booking is confirmed after all) and the booking expires. Stripe unreachable: the
     * recovery job marks the payment STUCK and keeps the seats; a webhook fails so it comes again.
     * Stripe refusing to answer about the intent: STUCK, for a manager to look at.
     */
    private Outcome settle(Connection c, Head head, CardPart part, String actor, boolean stuckIfUnreachable, String reason)
            throws SQLException {
        if (head.status() != BookingStatus.PENDING_PAYMENT) {
            return Outcome.of("already-settled", head.id());
        }
        try {
            Intent intent;
            if (part.stripeIntentId() == null) {
                intent = create(part); // the same key finds an intent made before a crash
                store.setIntent(c, part.paymentId(), intent.id(), intent.clientSecret());
                part = new CardPart(part.paymentId(), part.bookingId(), part.bookingCode(), part.amountMinor(),
                        part.currency(), intent.id());
            } else {
                intent = stripe.retrieveIntent(part.stripeIntentId());
            }
            if (!intent.succeeded() && !intent.canceled()) {
                try {
                    intent = stripe.cancelIntent(intent.id());
                } catch (StripeGateway.Refused refused) {
                    intent = stripe.retrieveIntent(intent.id()); // it may have succeeded just now
                }
            }
            if (intent.succeeded()) {
                return succeeded(c, head, part, intent.id(), actor);
            }
            if (!intent.canceled()) {
                store.settle(c, part.paymentId(), "STUCK", "Stripe left the intent " + intent.status(), null);
                return Outcome.of("stuck", head.id());
            }
            return expire(c, head, part, reason, actor);
        } catch (StripeGateway.Unreachable | StripeGateway.Refused e) {
            // Unreachable: nothing is known. A webhook fails so that Stripe delivers it again; the
            // recovery job marks the payment STUCK. Refused (an intent Stripe does not know, say):
            // a person must look, so it is STUCK either way.
            if (!stuckIfUnreachable && e instanceof StripeGateway.Unreachable) {
                throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "PAYMENT_PROVIDER_UNAVAILABLE",
                        "Stripe could not be asked about this payment now; deliver the event again later.");
            }
            if (store.settle(c, part.paymentId(), "STUCK", e.getMessage(), null)) {
                LOG.warn("event=payment_stuck bookingId={} error=\"{}\"", head.id(), e.getMessage());
                audit.append(c, actor, "PAYMENT_STUCK", "booking:" + head.id(), Map.of("detail", e.getMessage()));
            } else {
                store.setDetail(c, part.paymentId(), e.getMessage());
            }
            return Outcome.of("stuck", head.id());
        }
    }

    /** Stripe took the money: the booking is confirmed once nothing is owed; money for an expired booking goes back. */
    private Outcome succeeded(Connection c, Head head, CardPart part, String intentId, String actor) throws SQLException {
        if (head.status() == BookingStatus.EXPIRED) {
            if (!store.arrivedLate(c, part.paymentId())) {
                return Outcome.of("duplicate", head.id());
            }
            long refundId = bookings.insertPayment(c, head.id(), new NewPayment("REFUND", PaymentMethod.STRIPE,
                    -part.amountMinor(), part.currency(), null, null, null, null, actor, "PENDING", intentId));
            audit.append(c, actor, "LATE_PAYMENT_REFUNDED", "booking:" + head.id(),
                    Map.of("intent", intentId, "amountMinor", part.amountMinor()));
            LOG.info("event=late_payment_refunded bookingId={} amount_minor={}", head.id(), part.amountMinor());
            return new Outcome("refunding-late-payment", head.id(), null, List.of(), List.of(refundId));
        }
        if (head.status() != BookingStatus.PENDING_PAYMENT
                || !store.settle(c, part.paymentId(), "SUCCEEDED", null, null)) {
            return Outcome.of("duplicate", head.id());
        }
        long balance = head.totalMinor() - store.paidMinor(c, head.id());
        if (balance > 0) {
            return Outcome.of("balance-open", head.id());
        }
        store.leavePending(c, head.id(), BookingStatus.CONFIRMED);
        audit.append(c, actor, "PAYMENT_CONFIRMED", "booking:" + head.id(),
                Map.of("intent", intentId, "amountMinor", part.amountMinor()));
        return Outcome.of("confirmed", head.id());
    }

    /**
     * The card payment will not come: the booking expires, its seats end, what was paid at the
     * counter for it goes back (cash into the drawer it came from while that is open).
     */
    private Outcome expire(Connection c, Head head, CardPart part, String reason, String actor) throws SQLException {
        if (!store.leavePending(c, head.id(), BookingStatus.EXPIRED)) {
            return Outcome.of("already-settled", head.id());
        }
        store.settle(c, part.paymentId(), "FAILED", reason, null);
        return release(c, head, reason, actor);
    }

    private Outcome expireWithoutCard(Connection c, Head head) throws SQLException {
        store.leavePending(c, head.id(), BookingStatus.EXPIRED);
        return release(c, head, "payment deadline passed", "recovery");
    }

    private Outcome release(Connection c, Head head, String reason, String actor) throws SQLException {
        List<String> seats = bookings.activeSeats(c, head.id()).stream().map(ActiveSeat::seatId).toList();
        bookings.endSeats(c, head.id(), seats, "EXPIRED", actor, reason);
        List<Long> counterRefunds = new ArrayList<>();
        for (PaymentRow row : bookings.payments(c, head.id())) {
            if ("PAYMENT".equals(row.kind()) && "SUCCEEDED".equals(row.status()) && row.method() != PaymentMethod.STRIPE
                    && row.amountMinor() > 0) {
                long refundId = bookings.insertPayment(c, head.id(), new NewPayment("REFUND", row.method(),
                        -row.amountMinor(), head.currency(), null, null, null, null, actor));
                counterRefunds.add(refundId);
                if (row.method() == PaymentMethod.CASH
                        && !drawers.giveBack(c, row.id(), refundId, head.id(), -row.amountMinor(), actor)) {
                    store.setDetail(c, refundId, "cash owed to the customer: the drawer it was paid into is closed");
                }
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("seats", seats);
        detail.put("reason", reason);
        if (!counterRefunds.isEmpty()) {
            detail.put("counterRefunds", counterRefunds);
        }
        audit.append(c, actor, "PAYMENT_EXPIRED", "booking:" + head.id(), detail);
        return new Outcome("released", head.id(), head.eventId(), seats, List.of());
    }

    // ---- card refunds --------------------------------------------------------------------------

    /**
     * Sends a recorded card refund to Stripe with a key derived from its row, so repeating it (after
     * a crash, or by the recovery job) never refunds twice; marks it SUCCEEDED, or STUCK while
     * Stripe cannot be reached, or FAILED when Stripe refuses (shown to managers).
     */
    public void settleRefund(long refundPaymentId) {
        db.write(c -> {
            Optional<CardRefund> refund = store.lockCardRefund(c, refundPaymentId);
            return refund.isPresent() && refundLocked(c, refund.get());
        });
    }

    private boolean refundLocked(Connection c, CardRefund refund) throws SQLException {
        if (!stripe.available()) {
            store.settle(c, refund.paymentId(), "STUCK", "Stripe is not configured on this server", null);
            return false;
        }
        try {
            StripeGateway.Refund done = stripe.refund(refund.stripeIntentId(), refund.amountMinor(),
                    Map.of("booking_id", refund.bookingId(), "refund", String.valueOf(refund.paymentId())),
                    refundKey(refund.paymentId()));
            boolean ok = !"failed".equals(done.status()) && !"canceled".equals(done.status());
            store.settle(c, refund.paymentId(), ok ? "SUCCEEDED" : "FAILED", ok ? null : "Stripe refund " + done.status(),
                    done.id());
            return ok;
        } catch (StripeGateway.Unreachable e) {
            store.settle(c, refund.paymentId(), "STUCK", e.getMessage(), null);
            LOG.warn("event=card_refund_stuck bookingId={} payment={} error=\"{}\"", refund.bookingId(), refund.paymentId(),
                    e.getMessage());
            return false;
        } catch (StripeGateway.Refused e) {
            store.settle(c, refund.paymentId(), "FAILED", e.getMessage(), null);
            LOG.error("event=card_refund_refused bookingId={} payment={} error=\"{}\"", refund.bookingId(),
                    refund.paymentId(), e.getMessage());
            return false;
        }
    }

    // ---- after commit --------------------------------------------------------------------------

    /** Announces released seats and sends card refunds. */
    private void after(Outcome outcome) {
        if (!outcome.releasedSeats().isEmpty()) {
            LiveEvent event = Futures.join(catalog.get(outcome.eventId()));
            followUp.run("release unpaid seats of " + outcome.bookingId(),
                    () -> ledger.makeAvailable(event, Marker.SOLD, outcome.releasedSeats()));
        }
        outcome.cardRefunds().forEach(this::settleRefund);
    }

    private static DomainException unavailable() {
        return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "PAYMENT_METHOD_UNAVAILABLE",
                "Card payment through Stripe is not configured on this server (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET).");
    }

    private static DomainException webhookRefused(String code, String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, code, detail);
    }
}
