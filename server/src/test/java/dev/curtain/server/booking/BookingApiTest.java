package dev.curtain.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.model.booking.Approval;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.BookingStatus;
import dev.curtain.model.booking.Customer;
import dev.curtain.model.booking.ExchangeRequest;
import dev.curtain.model.booking.PaymentMethod;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.model.booking.RefundRequest;
import dev.curtain.model.event.BlockRequest;
import dev.curtain.model.event.Event;
import dev.curtain.model.event.EventStats;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.ops.IntegrityReport;
import dev.curtain.server.hold.redis.EventKeys;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.LiveClient;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RestoreArgs;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingApiTest extends ServerTest {

    private String eventId;
    private String clerk;
    private String manager;

    @BeforeEach
    void performance() {
        manager = login("manager");
        api.post("/api/venues", TestData.hall("hall", 4, 10), manager);
        eventId = api.post("/api/events", TestData.event("hall", "Show", Instant.parse("2031-05-01T19:30:00Z")), manager)
                .as(Event.class).id();
        clerk = login("clerk");
        // Cash is only taken into an open drawer.
        assertThat(api.post("/api/drawer/open", Map.of("floatMinor", 0), clerk).status()).isEqualTo(201);
    }

    private Hold hold(String token, String... seats) {
        return holdOf(eventId, token, seats);
    }

    private Api.Response confirm(String token, Object body, String key) {
        return api.post("/api/bookings", body, token, key);
    }

    private Booking sellCash(String token, String... seats) {
        Hold h = hold(token, seats);
        Api.Response r = confirm(token, new BookingRequest(h.holdId(), new Customer("Ada Lovelace", "ada@example.org"),
                PaymentRequest.cash(100_000), null), UUID.randomUUID().toString());
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.as(Booking.class);
    }

    /** PostgreSQL refuses inserts into {@code table} where {@code when} holds, until closed (a full disk, say). */
    private static AutoCloseable postgresRefusing(String table, String when) throws Exception {
        try (Connection c = TestInfrastructure.get().connect()) {
            c.createStatement().execute("create function refuse_insert() returns trigger language plpgsql as $$"
                    + " begin raise exception 'disk full'; end; $$");
            c.createStatement().execute("create trigger refuse_insert before insert on " + table
                    + " for each row when (" + when + ") execute function refuse_insert()");
        }
        return () -> {
            try (Connection c = TestInfrastructure.get().connect()) {
                c.createStatement().execute("drop trigger refuse_insert on " + table);
                c.createStatement().execute("drop function refuse_insert()");
            }
        };
    }

    private int count(String sql) throws Exception {
        try (Connection c = TestInfrastructure.get().connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private SeatSnapshot seats() {
        return api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class);
    }

    @Test
    void cashSaleWithTicketTypesTicketsAndChange() throws Exception {
        Hold h = hold(clerk, "HALL-A-1", "HALL-C-1");
        BookingRequest body = new BookingRequest(h.holdId(), new Customer("Ada Lovelace", "ada@example.org"),
                PaymentRequest.cash(10_000), Map.of("HALL-C-1", "child"));
        Api.Response r = confirm(clerk, body, "sale-1");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Booking b = r.as(Booking.class);
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.code()).matches("[2-9A-Z]{3}-[2-9A-Z]{3}");
        assertThat(b.totalMinor()).isEqualTo(3000 + 1000);
        assertThat(b.seats()).extracting(s -> s.ticketType()).containsExactly("adult", "child");
        assertThat(b.seats()).extracting(s -> s.row()).containsExactly("A", "C");
        assertThat(b.payments()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo(PaymentMethod.CASH);
            assertThat(p.tenderedMinor()).isEqualTo(10_000);
            assertThat(p.changeMinor()).isEqualTo(6_000);
        });
        assertThat(new HashSet<>(b.seats().stream().map(s -> s.ticketCode()).toList())).hasSize(2);

        JsonNode key = api.get("/api/tickets/verification-key", clerk).json();
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asText())));
        for (var seat : b.seats()) {
            String qr = seat.qrPayload();
            int cut = qr.lastIndexOf('.');
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(qr.substring(0, cut).getBytes());
            assertThat(verifier.verify(Base64.getUrlDecoder().decode(qr.substring(cut + 1)))).isTrue();
            assertThat(qr).contains(seat.ticketCode()).contains(eventId).contains(seat.seatId());
        }

        assertThat(seats().sold()).containsExactlyInAnyOrder("HALL-A-1", "HALL-C-1");
        assertThat(seats().held()).isEmpty();
        assertThat(api.get("/api/holds/" + h.holdId(), clerk).status()).isEqualTo(404);
        assertThat(api.get("/api/bookings/" + b.id(), clerk).as(Booking.class)).isEqualTo(b);
        String typed = b.code().replace("-", "").toLowerCase();
        assertThat(api.get("/api/bookings?code=" + typed, clerk).json()).hasSize(1);
        assertThat(api.get("/api/bookings?email=ADA@example.org", clerk).json()).hasSize(1);
        assertThat(api.get("/api/bookings?name=lovel", clerk).json()).hasSize(1);
        assertThat(count("select count(*) from audit_log where action = 'SALE' and subject = 'booking:" + b.id() + "'"))
                .isEqualTo(1);
    }

    /** Both ways a sale is written: with a drawer movement after the trip (cash), and as the trip alone (card terminal). */
    @Test
    void aSaleWhoseBookingCodeIsTakenIsWrittenAgainWithAnother() throws Exception {
        Booking first = sellCash(clerk, "HALL-D-1");
        java.util.function.Supplier<String> random = BookingCodes.bookingCodes;
        java.util.concurrent.atomic.AtomicBoolean collided = new java.util.concurrent.atomic.AtomicBoolean();
        BookingCodes.bookingCodes = () -> collided.getAndSet(true) ? random.get() : first.code();
        try {
            Booking second = sellCash(clerk, "HALL-D-2");
            assertThat(collided).isTrue();
            assertThat(second.code()).isNotEqualTo(first.code());
            assertThat(api.get("/api/bookings/" + second.id(), clerk).as(Booking.class)).isEqualTo(second);

            collided.set(false);
            Hold h = hold(clerk, "HALL-D-3");
            Api.Response r = confirm(clerk, new BookingRequest(h.holdId(), null, PaymentRequest.card("T-3"), null),
                    "code-taken-card");
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            Booking third = r.as(Booking.class);
            assertThat(collided).isTrue();
            assertThat(third.code()).isNotEqualTo(first.code());
            assertThat(api.get("/api/bookings/" + third.id(), clerk).json()).isEqualTo(r.json());
            assertThat(count("select count(*) from idempotency_keys where key = 'code-taken-card'")).isEqualTo(1);
        } finally {
            BookingCodes.bookingCodes = random;
        }
    }

    @Test
    void theSaleAnswerIsTheBookingAsItIsReadBack() {
        Hold h = hold(clerk, "HALL-B-10", "HALL-B-2", "HALL-A-3");
        Api.Response r = confirm(clerk, new BookingRequest(h.holdId(), null, PaymentRequest.card("T-1"), null),
                "sale-read-back");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Booking b = r.as(Booking.class);
        assertThat(b.seats()).extracting(s -> s.seatId()).containsExactly("HALL-A-3", "HALL-B-10", "HALL-B-2");
        assertThat(b.customer()).isNull();
        assertThat(api.get("/api/bookings/" + b.id(), clerk).json()).isEqualTo(r.json());
        assertThat(confirm(clerk, new BookingRequest(h.holdId(), null, PaymentRequest.card("T-1"), null),
                "sale-read-back").json()).isEqualTo(r.json());
    }

    @Test
    void aSplitSaleIsAnsweredAsItIsReadBackAndItsCashGoesInTheDrawer() throws Exception {
        Hold h = hold(clerk, "HALL-C-7", "HALL-C-8");
        long total = 2 * 2000; // two standard adult seats
        BookingRequest body = BookingRequest.split(h.holdId(), new Customer("Ada Lovelace", null), List.of(
                PaymentRequest.cash(5000).amount(3000), PaymentRequest.card("T-9").amount(total - 3000)));
        Api.Response r = confirm(clerk, body, "split-read-back");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Booking b = r.as(Booking.class);
        assertThat(b.payments()).extracting(p -> p.method().name() + " " + p.amountMinor() + " " + p.changeMinor())
                .containsExactly("CASH 3000 2000", "CARD_TERMINAL 1000 null");
        assertThat(api.get("/api/bookings/" + b.id(), clerk).json()).isEqualTo(r.json());
        assertThat(confirm(clerk, body, "split-read-back").json()).isEqualTo(r.json());
        assertThat(count("select count(*) from drawer_movements m join payments p on p.id = m.payment_id"
                + " where p.booking_id = '" + b.id() + "' and p.method = 'CASH' and m.amount_minor = 3000")).isEqualTo(1);
    }

    @Test
    void whenTheLastStatementOfASaleFailsNothingOfTheSaleIsKept() throws Exception {
        Hold h = hold(clerk, "HALL-B-9");
        BookingRequest body = new BookingRequest(h.holdId(), null, PaymentRequest.card("T-2"), null);
        try (AutoCloseable refusing = postgresRefusing("audit_log", "new.action = 'SALE'")) {
            Api.Response failed = confirm(clerk, body, "audit-down");
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.code()).isEqualTo("BOOKING_NOT_RECORDED");
        }
        assertThat(count("select count(*) from bookings where hold_id = '" + h.holdId() + "'")).isZero();
        assertThat(count("select count(*) from idempotency_keys where key = 'audit-down'")).isZero();
        assertThat(count("select count(*) from pg_stat_activity where state like 'idle in transaction%'"))
                .as("the failed transaction was rolled back before its connection went back to the pool").isZero();
        assertThat(seats().sold()).isEmpty();
        Api.Response again = confirm(clerk, body, "audit-down");
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(seats().sold()).containsExactly("HALL-B-9");
    }

    /**
     * A retry that arrives after the sale committed but before Redis marked it sold finds the hold
     * still live and gets its pin. The key's primary key stops it inside the transaction: it is
     * answered the first answer, takes no second payment, and leaves the pin (the seats are sold;
     * unpinning would let the hold expire and offer them again).
     */
    @Test
    void retryOfAFinishedSaleThatStillGetsThePinIsReplayedAndKeepsThePin() throws Exception {
        Hold h = hold(clerk, "HALL-B-5", "HALL-B-6");
        BookingRequest body = new BookingRequest(h.holdId(), null, PaymentRequest.cash(10_000), null);
        try (RedisClient client = RedisClient.create(TestInfrastructure.get().redisUri())) {
            var redis = client.connect().sync();
            Map<String, byte[]> beforeSale = new HashMap<>();
            for (String key : redis.keys(EventKeys.prefix(eventId) + "*")) {
                beforeSale.put(key, redis.dump(key));
            }
            Api.Response first = confirm(clerk, body, "late-mark");
            assertThat(first.status()).as(first.text()).isEqualTo(201);
            // the snapshot goes over the server's Redis connection after the mark-sold the sale sent
            assertThat(seats().sold()).containsExactlyInAnyOrder("HALL-B-5", "HALL-B-6");
            // Redis back as it was before the sale: as if the mark-sold had not run yet.
            for (String key : redis.keys(EventKeys.prefix(eventId) + "*")) {
                if (!beforeSale.containsKey(key)) {
                    redis.del(key);
                }
            }
            beforeSale.forEach((key, dump) -> redis.restore(key, dump, RestoreArgs.Builder.ttl(0).replace()));
            String holdKey = EventKeys.prefix(eventId) + "hold:" + h.holdId();
            assertThat(redis.hget(holdKey, "state")).as("the hold is live again").isNull();
            assertThat(redis.hget(holdKey, "pin")).as("and not pinned: a pin after the retry is the retry's").isNull();

            Api.Response again = confirm(clerk, body, "late-mark");

            assertThat(again.status()).as(again.text()).isEqualTo(201);
            assertThat(again.text()).isEqualTo(first.text());
            String bookingId = first.as(Booking.class).id();
            assertThat(count("select count(*) from bookings where hold_id = '" + h.holdId() + "'")).isEqualTo(1);
            assertThat(count("select count(*) from payments where booking_id = '" + bookingId + "'")).isEqualTo(1);
            assertThat(count("select count(*) from drawer_movements where booking_id = '" + bookingId + "'")).isEqualTo(1);
            seats(); // a read through the server's Redis connection: any unpin it sent is done by now
            String pin = redis.hget(holdKey, "pin");
            assertThat(pin).as("the retry's pin is kept").isNotNull();
            assertThat(Long.parseLong(pin)).isGreaterThan(System.currentTimeMillis());
        }
    }

    @Test
    void sameKeySameBodyReplaysSameKeyOtherBodyConflicts() {
        Hold h = hold(clerk, "HALL-B-1");
        BookingRequest body = new BookingRequest(h.holdId(), null, PaymentRequest.cash(5000), null);
        Api.Response first = confirm(clerk, body, "key-1");
        Api.Response again = confirm(clerk, body, "key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(first.text());
        Api.Response other = confirm(clerk, new BookingRequest(h.holdId(), null, PaymentRequest.cash(6000), null), "key-1");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        // A used key with a request that would be refused anyway is still the key's conflict.
        assertThat(confirm(clerk, new BookingRequest("no-such-hold", null, PaymentRequest.cash(5000), null), "key-1")
                .code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        Hold another = hold(clerk, "HALL-B-2");
        assertThat(confirm(clerk, new BookingRequest(another.holdId(), null, PaymentRequest.cash(1), null), "key-1")
                .code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(confirm(clerk, new BookingRequest(another.holdId(), null, PaymentRequest.cash(5000), null), "key-3")
                .status()).as("the other hold was left unpinned").isEqualTo(201);
        Api.Response secondKey = confirm(clerk, body, "key-2");
        assertThat(secondKey.status()).isEqualTo(409);
        assertThat(secondKey.code()).isEqualTo("HOLD_ALREADY_CONFIRMED");
        Api.Response noKey = api.post("/api/bookings", body, clerk);
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void concurrentDuplicatesWithOneKeyMakeExactlyOneBooking() throws Exception {
        Hold h = hold(clerk, "HALL-B-2", "HALL-B-3");
        BookingRequest body = new BookingRequest(h.holdId(), null, PaymentRequest.cash(10_000), null);
        List<Api.Response> answers = race(20, i -> confirm(clerk, body, "same-key"));
        assertThat(answers).extracting(Api.Response::status).containsOnly(201);
        assertThat(answers.stream().map(a -> a.as(Booking.class).id()).distinct()).hasSize(1);
        assertThat(count("select count(*) from bookings where hold_id = '" + h.holdId() + "'")).isEqualTo(1);
    }

    @Test
    void fiftyThreadsConfirmingOneHoldMakeOneBooking() throws Exception {
        Hold h = hold(clerk, "HALL-B-4");
        List<Api.Response> answers = race(50, i -> confirm(clerk,
                new BookingRequest(h.holdId(), null, PaymentRequest.cash(10_000), null), "key-" + i));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 201))
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.code()).isEqualTo("HOLD_ALREADY_CONFIRMED");
                });
        assertThat(count("select count(*) from booking_seats where seat_id = 'HALL-B-4' and event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void expiredAndForeignHoldsCannotBeConfirmed() {
        Hold mine = hold(clerk, "HALL-C-5");
        Api.Response foreign = confirm(guest(), new BookingRequest(mine.holdId(), null, PaymentRequest.card("T-1"), null), "k");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("HOLD_NOT_FOUND");

        // Age the hold past its expiry, as the clock would.
        try (RedisClient client = RedisClient.create(TestInfrastructure.get().redisUri())) {
            var redis = client.connect().sync();
            String key = EventKeys.prefix(eventId) + "hold:" + mine.holdId();
            redis.hset(key, "expiresAt", "1000");
            redis.zadd(EventKeys.prefix(eventId) + "expiry", 1000, mine.holdId());
        }
        Api.Response late = confirm(clerk, new BookingRequest(mine.holdId(), null, PaymentRequest.cash(9000), null), "late");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("HOLD_EXPIRED");
        assertThat(seats().sold()).isEmpty();
    }

    @Test
    void postgresRefusesASecondActiveSaleEvenWithoutRedis() throws Exception {
        Booking sold = sellCash(clerk, "HALL-D-1");
        try (Connection c = TestInfrastructure.get().connect()) {
            c.createStatement().execute("insert into bookings (id, code, event_id, status, total_minor, currency, created_by)"
                    + " values ('rogue', 'ZZZ-ZZZ', '" + eventId + "', 'CONFIRMED', 0, 'EUR', 'rogue')");
            var insert = c.prepareStatement("insert into booking_seats (booking_id, event_id, seat_id, category, ticket_type,"
                    + " price_minor, status, ticket_code, qr_payload) values ('rogue', ?, 'HALL-D-1', 'STANDARD', 'adult', 0,"
                    + " 'ACTIVE', 'ROGUETICKET1', 'x')");
            insert.setString(1, eventId);
            org.assertj.core.api.Assertions.assertThatThrownBy(insert::executeUpdate)
                    .hasMessageContaining("booking_seats_one_active_sale");
        }
        assertThat(sold.seats()).hasSize(1);
    }

    @Test
    void postgresRefusesATicketForAnotherEventThanItsBooking() throws Exception {
        Booking sold = sellCash(clerk, "HALL-D-4");
        String otherEvent = api.post("/api/events", TestData.event("hall", "Other show", Instant.parse("2031-05-02T19:30:00Z")),
                manager).as(Event.class).id();
        try (Connection c = TestInfrastructure.get().connect()) {
            var insert = c.prepareStatement("insert into booking_seats (booking_id, event_id, seat_id, category, ticket_type,"
                    + " price_minor, status, ticket_code, qr_payload) values (?, ?, 'HALL-D-5', 'STANDARD', 'adult', 0,"
                    + " 'ACTIVE', 'ROGUETICKET2', 'x')");
            insert.setString(1, sold.id());
            insert.setString(2, otherEvent);
            org.assertj.core.api.Assertions.assertThatThrownBy(insert::executeUpdate)
                    .hasMessageContaining("booking_seats_booking_event_fkey");
        }
        assertThat(api.get("/api/bookings/" + sold.id(), clerk).as(Booking.class).seats()).hasSize(1);
    }

    @Test
    void afterRedisLosesEverythingASoldSeatCannotBeHeldAgain() {
        Booking sold = sellCash(clerk, "HALL-D-2", "HALL-D-3");
        api.post("/api/events/" + eventId + "/blocks", new BlockRequest(List.of("HALL-D-9"), "house seat"), manager);
        try (RedisClient client = RedisClient.create(TestInfrastructure.get().redisUri())) {
            client.connect().sync().flushdb(); // FLUSHDB: an external test Redis is a shared server's db 15
        }
        Api.Response again = api.post("/api/events/" + eventId + "/holds",
                HoldRequest.seats(List.of("HALL-D-3", "HALL-D-4", "HALL-D-9")), guest());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("unavailable")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("HALL-D-3", "HALL-D-9");
        IntegrityReport report = api.get("/api/events/" + eventId + "/integrity", manager).as(IntegrityReport.class);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(sold.seats()).hasSize(2);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() throws Exception {
        Hold h = hold(clerk, "HALL-A-5", "HALL-A-6");
        record Case(BookingRequest body, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case(new BookingRequest(eventId + ".unknownhold1", null, PaymentRequest.cash(9000), null), 404, "HOLD_NOT_FOUND"),
                new Case(new BookingRequest("garbage", null, PaymentRequest.cash(9000), null), 404, "HOLD_NOT_FOUND"),
                new Case(new BookingRequest(null, null, PaymentRequest.cash(9000), null), 400, "INVALID_BOOKING"),
                new Case(new BookingRequest(h.holdId(), null, PaymentRequest.cash(-1), null), 400, "INVALID_PAYMENT"),
                new Case(new BookingRequest(h.holdId(), null, PaymentRequest.cash(100), null), 400, "TENDERED_TOO_LOW"),
                new Case(new BookingRequest(h.holdId(), null, null, null), 400, "INVALID_PAYMENT"),
                new Case(new BookingRequest(h.holdId(), null, PaymentRequest.card(" "), null), 400, "INVALID_PAYMENT"),
                new Case(new BookingRequest(h.holdId(), null, PaymentRequest.cash(9000), Map.of("HALL-A-5", "pensioner")), 400, "UNKNOWN_TICKET_TYPE"),
                new Case(new BookingRequest(h.holdId(), null, PaymentRequest.cash(9000), Map.of("HALL-B-9", "adult")), 400, "INVALID_BOOKING"),
                new Case(new BookingRequest(h.holdId(), new Customer("X", "not-an-email"), PaymentRequest.cash(9000), null), 400, "INVALID_BOOKING"),
                new Case(new BookingRequest(h.holdId(), null, new PaymentRequest(PaymentMethod.STRIPE, null, null, null), null), 422, "PAYMENT_METHOD_UNAVAILABLE"),
                new Case(new BookingRequest(h.holdId(), null, new PaymentRequest(PaymentMethod.COMP, null, null, null), null), 403, "COMP_NEEDS_MANAGER"),
                new Case(new BookingRequest(h.holdId(), null, new PaymentRequest(PaymentMethod.COMP, null, null,
                        new Approval("manager", "wrong")), null), 403, "COMP_NEEDS_MANAGER"));
        int i = 0;
        for (Case c : cases) {
            Api.Response r = confirm(clerk, c.body(), "bad-" + i++);
            assertThat(r.status()).as(r.text()).isEqualTo(c.status());
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).as(r.text()).isEqualTo(c.code());
        }
        Api.Response wrongType = confirm(clerk, "{\"holdId\": 5, \"payment\": {\"method\": \"CASH\", \"tenderedMinor\": \"lots\"}}", "bad-type");
        assertThat(wrongType.status()).isEqualTo(400);
        Api.Response badMethod = confirm(clerk, "{\"holdId\": \"" + h.holdId() + "\", \"payment\": {\"method\": \"BITCOIN\"}}", "bad-m");
        assertThat(badMethod.status()).isEqualTo(400);
        assertThat(count("select count(*) from bookings")).isZero();
        assertThat(api.get("/api/holds/" + h.holdId(), clerk).as(Hold.class).seatIds()).hasSize(2);
        // the hold survived every refusal and can still be sold
        assertThat(confirm(clerk, new BookingRequest(h.holdId(), null, PaymentRequest.cash(9000), null), "good").status())
                .isEqualTo(201);
    }

    /** Both ways a sale is written: cash (a drawer movement after the trip) and card terminal (the trip alone). */
    @Test
    void whenPostgresCannotCommitNothingIsSoldAndTheHoldStaysUsable() throws Exception {
        Map<String, PaymentRequest> payments = new java.util.LinkedHashMap<>();
        payments.put("HALL-B-8", PaymentRequest.cash(5000));
        payments.put("HALL-B-7", PaymentRequest.card("T-5"));
        for (Map.Entry<String, PaymentRequest> sale : payments.entrySet()) {
            String seat = sale.getKey();
            Hold h = hold(clerk, seat);
            try (AutoCloseable refusing = postgresRefusing("bookings", "true")) {
                Api.Response failed = confirm(clerk, new BookingRequest(h.holdId(), null, sale.getValue(), null), "pg-down-" + seat);
                assertThat(failed.status()).isEqualTo(503);
                assertThat(failed.code()).isEqualTo("BOOKING_NOT_RECORDED");
                assertThat(failed.json().path("detail").asText()).contains("hold is still yours");
            }
            assertThat(seats().sold()).doesNotContain(seat);
            assertThat(api.get("/api/holds/" + h.holdId(), clerk).as(Hold.class).seatIds()).containsExactly(seat);
            assertThat(confirm(clerk, new BookingRequest(h.holdId(), null, sale.getValue(), null), "pg-back-" + seat).status())
                    .isEqualTo(201);
        }
        assertThat(seats().sold()).containsExactlyInAnyOrder("HALL-B-8", "HALL-B-7");
    }

    @Test
    void compsNeedAManager() {
        Hold byClerk = hold(clerk, "HALL-A-9");
        Api.Response approved = confirm(clerk, new BookingRequest(byClerk.holdId(), null, new PaymentRequest(PaymentMethod.COMP,
                null, null, new Approval("manager", TestInfrastructure.DEMO_PASSWORD)), null), "comp-1");
        assertThat(approved.status()).as(approved.text()).isEqualTo(201);
        Booking comp = approved.as(Booking.class);
        assertThat(comp.totalMinor()).isZero();
        assertThat(comp.payments().get(0).approvedBy()).isEqualTo("manager");

        Hold byManager = hold(manager, "HALL-A-10");
        assertThat(confirm(manager, new BookingRequest(byManager.holdId(), null, new PaymentRequest(PaymentMethod.COMP, null,
                null, null), null), "comp-2").status()).isEqualTo(201);
    }

    @Test
    void refundPublishesAvailabilityAndFollowsRoles() throws Exception {
        Booking b = sellCash(clerk, "HALL-C-7", "HALL-C-8");
        try (LiveClient live = LiveClient.connect(server.port(), eventId, clerk)) {
            live.next("snapshot");
            Api.Response partial = api.post("/api/bookings/" + b.id() + "/refund",
                    new RefundRequest(List.of("HALL-C-8"), "customer changed plans"), clerk);
            assertThat(partial.status()).as(partial.text()).isEqualTo(200);
            Booking after = partial.as(Booking.class);
            assertThat(after.status()).isEqualTo(BookingStatus.PARTIALLY_REFUNDED);
            assertThat(after.payments()).extracting(p -> p.amountMinor()).containsExactly(4000L, -2000L);
            JsonNode delta = live.next("delta");
            assertThat(delta.path("changes")).singleElement().satisfies(c -> {
                assertThat(c.path("seatId").asText()).isEqualTo("HALL-C-8");
                assertThat(c.path("status").asText()).isEqualTo("AVAILABLE");
            });
        }
        assertThat(api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(List.of("HALL-C-8"), "again"), clerk).code())
                .isEqualTo("SEAT_NOT_ACTIVE");
        assertThat(api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, " "), clerk).code())
                .isEqualTo("INVALID_BOOKING");
        assertThat(api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, "x"), guest()).status())
                .isEqualTo(403);

        try (Connection c = TestInfrastructure.get().connect()) {
            c.createStatement().execute("update bookings set created_at = now() - interval '2 days' where id = '" + b.id() + "'");
        }
        Api.Response clerkOld = api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, "late"), clerk);
        assertThat(clerkOld.status()).isEqualTo(403);
        assertThat(clerkOld.code()).isEqualTo("REFUND_NEEDS_MANAGER");
        api.post("/api/drawer/open", Map.of("floatMinor", 5000), manager); // the cash goes back out of the manager's drawer
        Api.Response managerOld = api.post("/api/bookings/" + b.id() + "/refund", new RefundRequest(null, "late"), manager);
        assertThat(managerOld.as(Booking.class).status()).isEqualTo(BookingStatus.REFUNDED);
        assertThat(seats().sold()).isEmpty();
        assertThat(count("select count(*) from audit_log where action = 'REFUND' and subject = 'booking:" + b.id() + "'"))
                .isEqualTo(2);
    }

    @Test
    void exchangeMovesSeatsAndSettlesTheDifference() throws Exception {
        Booking b = sellCash(clerk, "HALL-C-1", "HALL-C-2");   // standard: 2 x 20.00
        Hold better = hold(clerk, "HALL-A-3", "HALL-A-4");     // premium: 2 x 30.00
        Api.Response noPayment = api.post("/api/bookings/" + b.id() + "/exchange",
                new ExchangeRequest(null, better.holdId(), null, null, "upgrade"), clerk);
        assertThat(noPayment.status()).isEqualTo(400);
        assertThat(noPayment.code()).isEqualTo("INVALID_PAYMENT");

        try (LiveClient live = LiveClient.connect(server.port(), eventId, clerk)) {
            live.next("snapshot");
            Api.Response r = api.post("/api/bookings/" + b.id() + "/exchange",
                    new ExchangeRequest(null, better.holdId(), null, PaymentRequest.cash(2000), "upgrade"), clerk);
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            Booking moved = r.as(Booking.class);
            assertThat(moved.exchangedFrom()).isEqualTo(b.id());
            assertThat(moved.totalMinor()).isEqualTo(6000);
            assertThat(moved.payments()).extracting(p -> p.amountMinor()).containsExactly(4000L, 2000L);
            Set<String> statuses = new HashSet<>();
            for (JsonNode d : live.deltas(2)) {
                d.path("changes").forEach(c -> statuses.add(c.path("seatId").asText() + "=" + c.path("status").asText()));
            }
            assertThat(statuses).containsExactlyInAnyOrder("HALL-A-3=SOLD", "HALL-A-4=SOLD", "HALL-C-1=AVAILABLE",
                    "HALL-C-2=AVAILABLE");
        }
        assertThat(api.get("/api/bookings/" + b.id(), clerk).as(Booking.class).status()).isEqualTo(BookingStatus.EXCHANGED);
        assertThat(seats().sold()).containsExactlyInAnyOrder("HALL-A-3", "HALL-A-4");
    }

    @Test
    void blocksStatsAndIntegrityAddUp() {
        Api.Response blocked = api.post("/api/events/" + eventId + "/blocks",
                new BlockRequest(List.of("HALL-D-10", "HALL-D-9"), "broken"), manager);
        assertThat(blocked.status()).as(blocked.text()).isEqualTo(200);
        assertThat(api.post("/api/events/" + eventId + "/blocks", new BlockRequest(List.of("HALL-D-8"), "x"), clerk).status())
                .isEqualTo(403);
        Api.Response onBlocked = api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-D-9")), clerk);
        assertThat(onBlocked.code()).isEqualTo("SEATS_UNAVAILABLE");
        hold(guest(), "HALL-B-5");
        assertThat(api.post("/api/events/" + eventId + "/blocks", new BlockRequest(List.of("HALL-B-5"), "x"), manager).code())
                .isEqualTo("SEATS_UNAVAILABLE");
        sellCash(clerk, "HALL-A-1", "HALL-C-1");

        EventStats stats = api.get("/api/events/" + eventId + "/stats", clerk).as(EventStats.class);
        assertThat(stats.capacity()).isEqualTo(40);
        assertThat(stats.sold()).isEqualTo(2);
        assertThat(stats.blocked()).isEqualTo(2);
        assertThat(stats.held()).isEqualTo(1);
        assertThat(stats.available()).isEqualTo(35);
        assertThat(stats.revenueMinor()).isEqualTo(5000);
        assertThat(api.get("/api/events/" + eventId + "/integrity", manager).as(IntegrityReport.class).ok()).isTrue();
        assertThat(api.get("/api/events/" + eventId + "/integrity", clerk).status()).isEqualTo(403);

        api.delete("/api/events/" + eventId + "/blocks", new BlockRequest(List.of("HALL-D-9"), null), manager);
        assertThat(seats().blocked()).containsExactly("HALL-D-10");
        assertThat(api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-D-9")), clerk).status())
                .isEqualTo(201);
    }

    interface Call {
        Api.Response run(int i);
    }

    private static List<Api.Response> race(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                go.await();
                return call.run(n);
            }));
        }
        go.countDown();
        List<Api.Response> out = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }
}
