package dev.curtain.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.BookingStatus;
import dev.curtain.model.booking.Customer;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.booking.PaymentRecord;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.model.booking.RefundRequest;
import dev.curtain.model.drawer.DrawerSession;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.LiveClient;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.StripeStub;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PaymentApiTest extends ServerTest {

    static final StripeStub STRIPE = StripeStub.start();
    static final long CLERK_REFUND_LIMIT = 5000;

    static Map<String, Object> serverProperties() {
        Map<String, Object> p = new HashMap<>(STRIPE.serverProperties());
        p.put("curtain.payments.clerk-refund-limit-minor", CLERK_REFUND_LIMIT);
        return p;
    }

    private String eventId;
    private String manager;
    private String clerk;
    private String kiosk;

    @BeforeEach
    void performance() {
        STRIPE.reset();
        manager = login("manager");
        clerk = login("clerk");
        kiosk = login("kiosk");
        api.post("/api/venues", TestData.hall("hall", 4, 10), manager);
        eventId = api.post("/api/events", TestData.event("hall", "Show", Instant.parse("2031-05-01T19:30:00Z")), manager)
                .as(Event.class).id();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Hold hold(String token, String... seats) {
        return holdOf(eventId, token, seats);
    }

    private Api.Response confirm(String token, BookingRequest body, String key) {
        return api.post("/api/bookings", body, token, key);
    }

    /** A card booking made at the kiosk: PENDING_PAYMENT with an intent at the stub. */
    private Booking cardBooking(String token, String... seats) {
        Hold h = hold(token, seats);
        Api.Response r = confirm(token, new BookingRequest(h.holdId(), new Customer("Kim", "kim@example.org"),
                PaymentRequest.stripe(), null), UUID.randomUUID().toString());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.as(Booking.class);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api.Response webhook(String payload, String signature) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/api/payments/stripe/webhook")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(payload));
            if (signature != null) {
                b.header("Stripe-Signature", signature);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Response deliver(String eventId, String type, StripeStub.Intent intent) {
        String payload = STRIPE.event(eventId, type, intent);
        return webhook(payload, StripeStub.sign(payload));
    }

    /** The customer pays the booking's intent at Stripe. */
    private static StripeStub.Intent paidAtStripe(Booking b) {
        StripeStub.Intent intent = STRIPE.intentOfBooking(b.id());
        STRIPE.succeed(intent.id);
        return intent;
    }

    private Booking booking(String id) {
        return api.get("/api/bookings/" + id, manager).as(Booking.class);
    }

    private SeatSnapshot seats() {
        return api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class);
    }

    private static int count(String sql) throws Exception {
        try (Connection c = TestInfrastructure.get().connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void sql(String sql) throws Exception {
        try (Connection c = TestInfrastructure.get().connect()) {
            c.createStatement().execute(sql);
        }
    }

    private static void pastDeadline(String bookingId) throws Exception {
        sql("update bookings set payment_deadline = now() - interval '1 minute' where id = '" + bookingId + "'");
    }

    private static int recover() {
        return server.context().getBean(PaymentRecovery.class).run();
    }

    private static List<PaymentRecord> refunds(Booking b) {
        return b.payments().stream().filter(p -> "REFUND".equals(p.kind())).toList();
    }

    // ---- starting a card payment ---------------------------------------------------------------

    @Test
    void cardBookingWaitsForPaymentWithItsSeatsReservedAndAClientSecret() throws Exception {
        String guest = guest();
        Hold h = hold(guest, "HALL-C-1", "HALL-C-2");
        BookingRequest body = new BookingRequest(h.holdId(), new Customer("Kim", "kim@example.org"), PaymentRequest.stripe(), null);
        Api.Response r = confirm(guest, body, "card-1");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Booking b = r.as(Booking.class);
        assertThat(b.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(b.paymentDeadline()).isBetween(Instant.now().plusSeconds(880), Instant.now().plusSeconds(910));
        StripeStub.Intent intent = STRIPE.intentOfBooking(b.id());
        assertThat(b.stripe().paymentIntentId()).isEqualTo(intent.id);
        assertThat(b.stripe().clientSecret()).isEqualTo(intent.clientSecret());
        assertThat(b.stripe().amountMinor()).isEqualTo(4000);
        assertThat(intent.amount).isEqualTo(4000);
        assertThat(intent.currency).isEqualTo("eur");
        assertThat(intent.idempotencyKey).isEqualTo("curtain-booking-" + b.id());
        assertThat(intent.metadata).containsEntry("booking_code", b.code());
        assertThat(b.payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(PaymentMethod.STRIPE);
            assertThat(p.status()).isEqualTo("PENDING");
        });

        // The seats are reserved: PostgreSQL has them, Redis shows them sold, nobody else can hold them.
        assertThat(seats().sold()).containsExactlyInAnyOrder("HALL-C-1", "HALL-C-2");
        assertThat(api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-C-1")), clerk).code())
                .isEqualTo("SEATS_UNAVAILABLE");

        // A retry with the same key answers the same booking and never makes a second intent.
        Api.Response again = confirm(guest, body, "card-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.as(Booking.class).stripe().clientSecret()).isEqualTo(intent.clientSecret());
        assertThat(STRIPE.intents()).hasSize(1);

        // Only the buyer sees the client secret.
        assertThat(api.get("/api/bookings/" + b.id(), guest).as(Booking.class).stripe().clientSecret()).isNotNull();
        Booking seenByClerk = api.get("/api/bookings/" + b.id(), clerk).as(Booking.class);
        assertThat(seenByClerk.stripe().paymentIntentId()).isEqualTo(intent.id);
        assertThat(seenByClerk.stripe().clientSecret()).isNull();
        assertThat(api.get("/api/bookings/" + b.id(), clerk).text()).doesNotContain(intent.clientSecret());
        assertThat(count("select count(*) from audit_log where action = 'SALE_PENDING_PAYMENT' and subject = 'booking:"
                + b.id() + "'")).isEqualTo(1);
        // A pending booking cannot be refunded.
        assertThat(api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, "x"), manager).code())
                .isEqualTo("BOOKING_NOT_PAID");
    }

    // ---- webhooks ------------------------------------------------------------------------------

    @Test
    void succeededWebhookConfirmsOnceHoweverOftenItComes() throws Exception {
        Booking b = cardBooking(kiosk, "HALL-B-1");
        StripeStub.Intent intent = paidAtStripe(b);
        String payload = STRIPE.event("evt_ok_1", "payment_intent.succeeded", intent);
        String signature = StripeStub.sign(payload);

        Api.Response first = webhook(payload, signature);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().path("result").asText()).isEqualTo("confirmed");
        // Stripe delivers the same event again (the signature is still fresh): acknowledged, not applied.
        Api.Response replayed = webhook(payload, signature);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().path("result").asText()).isEqualTo("duplicate");
        // Another event about the same success: the payment is already settled.
        assertThat(deliver("evt_ok_2", "payment_intent.succeeded", intent).json().path("result").asText())
                .isEqualTo("duplicate");

        Booking paid = booking(b.id());
        assertThat(paid.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(paid.payments()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo("SUCCEEDED"));
        assertThat(paid.stripe().clientSecret()).isNull();
        assertThat(count("select count(*) from audit_log where action = 'PAYMENT_CONFIRMED' and subject = 'booking:"
                + b.id() + "'")).isEqualTo(1);
        assertThat(seats().sold()).containsExactly("HALL-B-1");
    }

    @Test
    void webhookSignaturesAreVerified() throws Exception {
        Booking b = cardBooking(kiosk, "HALL-B-2");
        StripeStub.Intent intent = paidAtStripe(b);
        String payload = STRIPE.event("evt_sig", "payment_intent.succeeded", intent);
        long now = System.currentTimeMillis() / 1000;

        Api.Response wrongSecret = webhook(payload, StripeStub.sign(payload, "whsec_someone_else", now));
        assertThat(wrongSecret.status()).isEqualTo(400);
        assertThat(wrongSecret.isProblem()).isTrue();
        assertThat(wrongSecret.code()).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        Api.Response stale = webhook(payload, StripeStub.sign(payload, StripeStub.WEBHOOK_SECRET, now - 600));
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.code()).isEqualTo("WEBHOOK_TIMESTAMP_STALE");
        Api.Response tampered = webhook(payload.replace("payment_intent.succeeded", "payment_intent.canceled"),
                StripeStub.sign(payload));
        assertThat(tampered.code()).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(webhook(payload, null).code()).isEqualTo("WEBHOOK_SIGNATURE_MISSING");
        assertThat(webhook(payload, "t=abc,v1=zz").status()).isEqualTo(400);
        assertThat(webhook("not json", StripeStub.sign("not json")).status()).isEqualTo(400);
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);

        // An event type Curtain does not handle is acknowledged and changes nothing.
        Api.Response unknown = deliver("evt_other", "charge.dispute.created", intent);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().path("result").asText()).isEqualTo("ignored");
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);

        assertThat(webhook(payload, StripeStub.sign(payload)).json().path("result").asText()).isEqualTo("confirmed");
    }

    @Test
    void aFailureDeliveredAfterTheSuccessChangesNothing() throws Exception {
        Booking b = cardBooking(kiosk, "HALL-B-3");
        StripeStub.Intent intent = paidAtStripe(b);
        // Out of order: the success arrives first, the failure of an earlier attempt after it.
        assertThat(deliver("evt_s", "payment_intent.succeeded", intent).json().path("result").asText()).isEqualTo("confirmed");
        Api.Response late = deliver("evt_f", "payment_intent.payment_failed", intent);
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().path("result").asText()).isEqualTo("already-settled");
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(seats().sold()).containsExactly("HALL-B-3");
    }

    @Test
    void aFailureReportForAnIntentThatHasSucceededMeanwhileConfirms() {
        Booking b = cardBooking(kiosk, "HALL-B-4");
        StripeStub.Intent intent = STRIPE.intentOfBooking(b.id());
        // The first card was declined, a second one went through; the failure event arrives last.
        STRIPE.succeed(intent.id);
        Api.Response r = deliver("evt_f2", "payment_intent.payment_failed", intent);
        assertThat(r.json().path("result").asText()).isEqualTo("confirmed");
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void paymentFailedReleasesTheSeatsAndBroadcastsThem() throws Exception {
        Booking b = cardBooking(kiosk, "HALL-D-1", "HALL-D-2");
        StripeStub.Intent intent = STRIPE.intentOfBooking(b.id());
        try (LiveClient live = LiveClient.connect(server.port(), eventId, clerk)) {
            live.next("snapshot");
            STRIPE.decline(intent.id);
            Api.Response r = deliver("evt_declined", "payment_intent.payment_failed", intent);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().path("result").asText()).isEqualTo("released");
            Set<String> changes = new HashSet<>();
            live.next("delta").path("changes").forEach(c -> changes.add(c.path("seatId").asText() + "=" + c.path("status").asText()));
            assertThat(changes).containsExactlyInAnyOrder("HALL-D-1=AVAILABLE", "HALL-D-2=AVAILABLE");
        }
        Booking expired = booking(b.id());
        assertThat(expired.status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(expired.seats()).extracting(s -> s.status()).containsOnly("EXPIRED");
        assertThat(expired.payments()).singleElement().satisfies(p -> assertThat(p.status()).isEqualTo("FAILED"));
        assertThat(STRIPE.intent(intent.id).status).isEqualTo("canceled");
        assertThat(seats().sold()).isEmpty();
        assertThat(hold(clerk, "HALL-D-1", "HALL-D-2").seatIds()).hasSize(2);
        // The canceled event that follows is harmless.
        assertThat(deliver("evt_canceled", "payment_intent.canceled", intent).json().path("result").asText())
                .isEqualTo("already-settled");
    }

    @Test
    void aSuccessAfterTheBookingExpiredIsRefundedThroughStripe() throws Exception {
        Booking b = cardBooking(kiosk, "HALL-D-5");
        StripeStub.Intent intent = STRIPE.intentOfBooking(b.id());
        deliver("evt_fail", "payment_intent.payment_failed", intent);
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.EXPIRED);
        // Stripe had taken the money after all (the cancel lost the race).
        STRIPE.intent(intent.id).status = "succeeded";
        Api.Response late = deliver("evt_late", "payment_intent.succeeded", intent);
        assertThat(late.json().path("result").asText()).isEqualTo("refunding-late-payment");
        assertThat(deliver("evt_late_again", "payment_intent.succeeded", intent).json().path("result").asText())
                .isEqualTo("duplicate");

        Booking after = booking(b.id());
        assertThat(after.status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(refunds(after)).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(PaymentMethod.STRIPE);
            assertThat(p.amountMinor()).isEqualTo(-2000);
            assertThat(p.status()).isEqualTo("SUCCEEDED");
            assertThat(p.reference()).startsWith("re_");
        });
        assertThat(STRIPE.refunds()).singleElement().satisfies(r -> {
            assertThat(r.intentId()).isEqualTo(intent.id);
            assertThat(r.amount()).isEqualTo(2000);
            assertThat(r.idempotencyKey()).startsWith("curtain-refund-");
        });
        assertThat(seats().sold()).isEmpty();
    }

    // ---- recovery ------------------------------------------------------------------------------

    @Test
    void aCrashBetweenCreatingTheIntentAndAnsweringLosesNothing() throws Exception {
        Hold h = hold(kiosk, "HALL-A-1");
        BookingRequest body = new BookingRequest(h.holdId(), null, PaymentRequest.stripe(), null);
        STRIPE.loseNextCreateAnswer();
        Api.Response lost = confirm(kiosk, body, "crash-1");
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.code()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        assertThat(lost.json().path("detail").asText()).contains("same Idempotency-Key");
        assertThat(STRIPE.intents()).hasSize(1); // Stripe made it; Curtain never heard
        assertThat(count("select count(*) from bookings where status = 'PENDING_PAYMENT'")).isEqualTo(1);
        assertThat(seats().sold()).containsExactly("HALL-A-1");

        // The kiosk retries with the same key: the same intent is found again, not a second one.
        Api.Response resumed = confirm(kiosk, body, "crash-1");
        assertThat(resumed.status()).as(resumed.text()).isEqualTo(201);
        Booking b = resumed.as(Booking.class);
        assertThat(STRIPE.intents()).hasSize(1);
        assertThat(b.stripe().paymentIntentId()).isEqualTo(STRIPE.intents().get(0).id);
        assertThat(b.stripe().clientSecret()).isNotNull();

        // The customer pays, but the webhook never arrives: past the deadline the job asks Stripe.
        STRIPE.succeed(b.stripe().paymentIntentId());
        assertThat(recover()).isZero(); // not due yet
        pastDeadline(b.id());
        assertThat(recover()).isEqualTo(1);
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(seats().sold()).containsExactly("HALL-A-1");
        assertThat(STRIPE.intents()).hasSize(1);
    }

    @Test
    void anUnpaidBookingWhoseIntentWasNeverStoredIsReleasedAtItsDeadline() throws Exception {
        Hold h = hold(kiosk, "HALL-A-2");
        STRIPE.loseNextCreateAnswer();
        assertThat(confirm(kiosk, new BookingRequest(h.holdId(), null, PaymentRequest.stripe(), null), "crash-2").status())
                .isEqualTo(503);
        String bookingId = STRIPE.intents().get(0).metadata.get("booking_id");
        pastDeadline(bookingId);
        try (LiveClient live = LiveClient.connect(server.port(), eventId, clerk)) {
            live.next("snapshot");
            assertThat(recover()).isEqualTo(1);
            assertThat(live.next("delta").path("changes").get(0).path("status").asText()).isEqualTo("AVAILABLE");
        }
        assertThat(booking(bookingId).status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(STRIPE.intents()).singleElement().satisfies(i -> assertThat(i.status).isEqualTo("canceled"));
        assertThat(seats().sold()).isEmpty();
        // A late retry of the sale answers how things stand.
        Api.Response late = confirm(kiosk, new BookingRequest(h.holdId(), null, PaymentRequest.stripe(), null), "crash-2");
        assertThat(late.as(Booking.class).status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(STRIPE.intents()).hasSize(1);
    }

    @Test
    void whenStripeIsUnreachableThePaymentIsStuckKeepsItsSeatsAndManagersSeeIt() throws Exception {
        Booking b = cardBooking(kiosk, "HALL-A-5");
        String intentId = b.stripe().paymentIntentId();
        pastDeadline(b.id());
        STRIPE.down(true);
        assertThat(recover()).isEqualTo(1);
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(booking(b.id()).payments().get(0).status()).isEqualTo("STUCK");
        assertThat(seats().sold()).containsExactly("HALL-A-5");

        Api.Response stuck = api.get("/api/payments/stuck", manager);
        assertThat(stuck.status()).isEqualTo(200);
        assertThat(stuck.json()).singleElement().satisfies(p -> {
            assertThat(p.path("bookingId").asText()).isEqualTo(b.id());
            assertThat(p.path("status").asText()).isEqualTo("STUCK");
            assertThat(p.path("paymentIntentId").asText()).isEqualTo(intentId);
            assertThat(p.path("detail").asText()).contains("503");
        });
        assertThat(api.get("/api/payments/stuck", clerk).status()).isEqualTo(403);
        // A failure webhook cannot be settled while Stripe is away: Stripe is asked to deliver it again.
        Api.Response later = deliver("evt_while_down", "payment_intent.payment_failed", STRIPE.intent(intentId));
        assertThat(later.status()).isEqualTo(503);

        STRIPE.down(false);
        STRIPE.succeed(intentId);
        recover();
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(api.get("/api/payments/stuck", manager).json()).isEmpty();
        // The redelivered failure is now harmless.
        assertThat(deliver("evt_while_down", "payment_intent.payment_failed", STRIPE.intent(intentId)).json()
                .path("result").asText()).isEqualTo("already-settled");
    }

    @Test
    void recoveryRunningOnManyNodesAtOnceSettlesEachBookingOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Booking b = cardBooking(guest(), "HALL-C-" + i);
            ids.add(b.id());
            pastDeadline(b.id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(PaymentApiTest::recover));
        }
        int settled = 0;
        for (Future<Integer> f : runs) {
            settled += f.get();
        }
        pool.shutdown();
        assertThat(settled).isEqualTo(6);
        for (String id : ids) {
            assertThat(booking(id).status()).isEqualTo(BookingStatus.EXPIRED);
        }
        assertThat(count("select count(*) from audit_log where action = 'PAYMENT_EXPIRED'")).isGreaterThanOrEqualTo(6);
        for (StripeStub.Intent intent : STRIPE.intents()) {
            assertThat(STRIPE.requests().stream().filter(r -> r.path().equals("/v1/payment_intents/" + intent.id + "/cancel")))
                    .hasSize(1);
        }
        assertThat(seats().sold()).isEmpty();
    }

    // ---- refunds and split payments --------------------------------------------------------------

    private Booking paidByCard(String token, String... seats) {
        Booking b = cardBooking(token, seats);
        StripeStub.Intent intent = paidAtStripe(b);
        deliver("evt_paid_" + b.id(), "payment_intent.succeeded", intent);
        return booking(b.id());
    }

    @Test
    void cardRefundsGoThroughStripeOnceEvenWhenStripeIsAwayAtFirst() throws Exception {
        Booking b = paidByCard(kiosk, "HALL-C-7", "HALL-C-8");
        Api.Response partial = api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(List.of("HALL-C-8"), "ill"), clerk);
        assertThat(partial.status()).as(partial.text()).isEqualTo(200);
        assertThat(refunds(partial.as(Booking.class))).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(PaymentMethod.STRIPE);
            assertThat(p.amountMinor()).isEqualTo(-2000);
            assertThat(p.status()).isEqualTo("SUCCEEDED");
        });
        assertThat(STRIPE.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(2000));

        STRIPE.down(true);
        Api.Response rest = api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, "ill"), clerk);
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.as(Booking.class).status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(refunds(rest.as(Booking.class)).get(1).status()).isEqualTo("STUCK");
        assertThat(api.get("/api/payments/stuck", manager).json()).singleElement()
                .satisfies(p -> assertThat(p.path("kind").asText()).isEqualTo("REFUND"));
        STRIPE.down(false);
        recover();
        recover();
        assertThat(refunds(booking(b.id()))).extracting(PaymentRecord::status).containsOnly("SUCCEEDED");
        assertThat(STRIPE.refunds()).hasSize(2);
        assertThat(STRIPE.refunds().stream().map(StripeStub.Refund::idempotencyKey).distinct()).hasSize(2);
        assertThat(seats().sold()).isEmpty();
    }

    private DrawerSession openDrawer(String token, long floatMinor) {
        Api.Response r = api.post("/api/drawer/open", Map.of("floatMinor", floatMinor), token);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.as(DrawerSession.class);
    }

    private long drawerExpected(String token) {
        return api.get("/api/drawer", token).as(DrawerSession.class).expectedMinor();
    }

    @Test
    void aSplitPaymentIsConfirmedWhenTheBalanceReachesZeroAndRefundsGoBackBothWays() throws Exception {
        openDrawer(clerk, 10_000);
        Hold h = hold(clerk, "HALL-A-7", "HALL-A-8"); // premium: 2 x 30.00
        Api.Response r = confirm(clerk, BookingRequest.split(h.holdId(), null, List.of(
                PaymentRequest.cash(5000).amount(2000), PaymentRequest.stripe())), "split-1");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Booking b = r.as(Booking.class);
        assertThat(b.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(b.payments()).extracting(PaymentRecord::method, PaymentRecord::amountMinor, PaymentRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PaymentMethod.CASH, 2000L, "SUCCEEDED"),
                        org.assertj.core.groups.Tuple.tuple(PaymentMethod.STRIPE, 4000L, "PENDING"));
        assertThat(b.payments().get(0).changeMinor()).isEqualTo(3000);
        assertThat(b.stripe().amountMinor()).isEqualTo(4000);
        assertThat(STRIPE.intentOfBooking(b.id()).amount).isEqualTo(4000);
        assertThat(drawerExpected(clerk)).isEqualTo(12_000);

        StripeStub.Intent intent = paidAtStripe(b);
        deliver("evt_split", "payment_intent.succeeded", intent);
        assertThat(booking(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);

        // The refund goes to the card first, then out of the drawer.
        Booking refunded = api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(List.of("HALL-A-7"), "x"), manager)
                .as(Booking.class);
        assertThat(refunds(refunded)).extracting(PaymentRecord::method, PaymentRecord::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PaymentMethod.STRIPE, -3000L));
        openDrawer(manager, 0);
        assertThat(api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, "x"), manager).code())
                .isEqualTo("NOT_ENOUGH_CASH"); // 10.00 more goes back to the card, 20.00 in cash from an empty drawer
        api.post("/api/drawer/close", Map.of("countedMinor", 0), manager);
        Booking all = api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, "x"), clerk).as(Booking.class);
        assertThat(refunds(all)).extracting(PaymentRecord::method, PaymentRecord::amountMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PaymentMethod.STRIPE, -3000L),
                org.assertj.core.groups.Tuple.tuple(PaymentMethod.STRIPE, -1000L),
                org.assertj.core.groups.Tuple.tuple(PaymentMethod.CASH, -2000L));
        assertThat(STRIPE.refunds()).extracting(StripeStub.Refund::amount).containsExactly(3000L, 1000L);
        assertThat(drawerExpected(clerk)).isEqualTo(10_000);
    }

    @Test
    void splitPaymentsAddUpOrAreRefused() throws Exception {
        openDrawer(clerk, 0);
        Hold h = hold(clerk, "HALL-C-9", "HALL-C-10"); // 2 x 20.00
        record Case(List<PaymentRequest> parts, String code, String field) {
        }
        List<Case> cases = List.of(
                new Case(List.of(PaymentRequest.cash(5000).amount(1000), PaymentRequest.card("T-1").amount(1000)),
                        "PAYMENT_TOTAL_MISMATCH", "payments"),
                new Case(List.of(PaymentRequest.cash(5000), PaymentRequest.card("T-1")), "INVALID_PAYMENT", "payments[1].amountMinor"),
                new Case(List.of(PaymentRequest.cash(5000).amount(4000), PaymentRequest.card("T-1")), "PAYMENT_TOTAL_MISMATCH", "payments"),
                new Case(List.of(new PaymentRequest(PaymentMethod.COMP, null, null, null), PaymentRequest.cash(5000)),
                        "INVALID_PAYMENT", "payments[0].method"),
                new Case(List.of(PaymentRequest.stripe().amount(1000), PaymentRequest.stripe()), "INVALID_PAYMENT", "payments[1].method"),
                new Case(List.of(PaymentRequest.cash(500).amount(1000), PaymentRequest.card("T-1")), "TENDERED_TOO_LOW",
                        "payments[0].tenderedMinor"));
        int i = 0;
        for (Case c : cases) {
            Api.Response r = confirm(clerk, BookingRequest.split(h.holdId(), null, c.parts()), "bad-split-" + i++);
            assertThat(r.status()).as(r.text()).isEqualTo(400);
            assertThat(r.code()).as(r.text()).isEqualTo(c.code());
            assertThat(r.json().path("field").asText()).as(r.text()).isEqualTo(c.field());
        }
        Api.Response both = confirm(clerk, new BookingRequest(h.holdId(), null, PaymentRequest.cash(9000), null,
                List.of(PaymentRequest.cash(9000))), "both");
        assertThat(both.code()).isEqualTo("INVALID_BOOKING");
        assertThat(count("select count(*) from bookings")).isZero();

        Api.Response ok = confirm(clerk, BookingRequest.split(h.holdId(), null, List.of(
                PaymentRequest.cash(1000).amount(1000), PaymentRequest.card("T-9"))), "good-split");
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        Booking b = ok.as(Booking.class);
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.payments()).extracting(PaymentRecord::amountMinor).containsExactly(1000L, 3000L);
        assertThat(drawerExpected(clerk)).isEqualTo(1000);
    }

    @Test
    void whenTheCardPartOfASplitFailsTheCashGoesBackIntoTheDrawer() throws Exception {
        openDrawer(clerk, 500);
        Hold h = hold(clerk, "HALL-D-7");
        Booking b = confirm(clerk, BookingRequest.split(h.holdId(), null, List.of(
                PaymentRequest.cash(1500).amount(1500), PaymentRequest.stripe())), "split-fail").as(Booking.class);
        assertThat(drawerExpected(clerk)).isEqualTo(2000);
        deliver("evt_split_fail", "payment_intent.payment_failed", STRIPE.intentOfBooking(b.id()));
        Booking expired = booking(b.id());
        assertThat(expired.status()).isEqualTo(BookingStatus.EXPIRED);
        assertThat(refunds(expired)).extracting(PaymentRecord::method, PaymentRecord::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PaymentMethod.CASH, -1500L));
        assertThat(drawerExpected(clerk)).isEqualTo(500);
    }

    @Test
    void refundLimitsFollowTheRole() throws Exception {
        openDrawer(clerk, 0);
        Booking big = paidByCard(kiosk, "HALL-A-1", "HALL-A-2"); // 60.00, over the clerk limit of 50.00
        Api.Response byClerk = api.post("/api/bookings/" + big.id() + "/refund", new RefundRequest(null, "x"), clerk);
        assertThat(byClerk.status()).isEqualTo(403);
        assertThat(byClerk.code()).isEqualTo("REFUND_NEEDS_MANAGER");
        assertThat(byClerk.json().path("detail").asText()).contains("50.00");
        assertThat(api.post("/api/bookings/" + big.id() + "/refund", new RefundRequest(null, "x"), kiosk).status())
                .isEqualTo(403);
        assertThat(api.post("/api/bookings/" + big.id() + "/refund", new RefundRequest(List.of("HALL-A-1"), "x"), clerk)
                .status()).isEqualTo(200); // 30.00 is within the limit
        assertThat(api.post("/api/bookings/" + big.id() + "/refund", new RefundRequest(null, "x"), manager).as(Booking.class)
                .status()).isEqualTo(BookingStatus.REFUNDED);

        // Cash goes back out of the refunding clerk's own open drawer only.
        Hold h = hold(clerk, "HALL-C-3");
        Booking cash = confirm(clerk, new BookingRequest(h.holdId(), null, PaymentRequest.cash(2000), null), "c1")
                .as(Booking.class);
        Api.Response noDrawer = api.post("/api/bookings/" + cash.id() + "/refund", new RefundRequest(null, "x"), manager);
        assertThat(noDrawer.status()).isEqualTo(409);
        assertThat(noDrawer.code()).isEqualTo("DRAWER_CLOSED");
        assertThat(booking(cash.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(api.post("/api/bookings/" + cash.id() + "/refund", new RefundRequest(null, "x"), clerk).status())
                .isEqualTo(200);
        assertThat(drawerExpected(clerk)).isZero();
    }

    // ---- configuration -------------------------------------------------------------------------

    @Test
    void secretsNeverReachTheLogs() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            Booking b = cardBooking(kiosk, "HALL-B-9");
            STRIPE.down(true);
            pastDeadline(b.id());
            recover();
            STRIPE.down(false);
            webhook("{}", StripeStub.sign("{}", "whsec_wrong", System.currentTimeMillis() / 1000));
            deliver("evt_log", "payment_intent.succeeded", STRIPE.intentOfBooking(b.id()));
            server.context().getBean(StripeConfiguration.class).toString();
            LoggerFactory.getLogger(PaymentApiTest.class).info("config {}", server.context().getBean(StripeConfiguration.class));
        } finally {
            root.detachAppender(captured);
        }
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent e : captured.list) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertThat(text).doesNotContain(StripeStub.SECRET_KEY).doesNotContain(StripeStub.WEBHOOK_SECRET)
                    .doesNotContain("_secret_stub");
        }
        assertThat(server.context().getBean(StripeConfiguration.class).toString())
                .doesNotContain(StripeStub.SECRET_KEY).doesNotContain(StripeStub.WEBHOOK_SECRET).contains("(set)");
        // Every call to Stripe carried the secret key, and every create an idempotency key.
        assertThat(STRIPE.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + StripeStub.SECRET_KEY));
        assertThat(STRIPE.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/v1/payment_intents")))
                .allSatisfy(r -> assertThat(r.idempotencyKey()).startsWith("curtain-booking-"));
    }
}
