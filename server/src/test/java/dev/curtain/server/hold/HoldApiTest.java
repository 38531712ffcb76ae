package dev.curtain.server.hold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.BestRequest;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.server.hold.redis.EventKeys;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.LiveClient;
import dev.curtain.server.testing.RedisFixture;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldApiTest extends ServerTest {

    private static final Instant SHOW = Instant.parse("2031-05-01T19:30:00Z");
    private String eventId;
    private String clerk;

    @BeforeEach
    void performance() {
        String manager = login("manager");
        api.post("/api/venues", TestData.hall("hall", 4, 10), manager);
        eventId = api.post("/api/events", TestData.event("hall", "Show", SHOW), manager).as(Event.class).id();
        clerk = login("clerk");
    }

    private Api.Response hold(String token, Object body) {
        return api.post("/api/events/" + eventId + "/holds", body, token);
    }

    private Hold holdSeats(String token, String... seats) {
        Api.Response r = hold(token, HoldRequest.seats(List.of(seats)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.as(Hold.class);
    }

    @Test
    void snapshotsStayTrueThroughARandomRunOfChanges() throws Exception {
        // The server keeps a copy of the seats that deltas move; the truth is a full read from Redis.
        dev.curtain.server.event.LiveEvent live = new dev.curtain.server.event.LiveEvent(
                api.get("/api/events/" + eventId, clerk).as(Event.class),
                dev.curtain.server.venue.SeatIndex.of(TestData.hall("hall", 4, 10)));
        java.util.Random random = new java.util.Random(7);
        List<Hold> liveHolds = new java.util.ArrayList<>();
        try (dev.curtain.server.testing.RedisFixture truth = new dev.curtain.server.testing.RedisFixture()) {
            api.get("/api/events/" + eventId + "/seats", clerk);
            for (int step = 0; step < 60; step++) {
                int op = random.nextInt(3);
                if (op == 0 || liveHolds.isEmpty()) {
                    String seat = "HALL-" + "ABCD".charAt(random.nextInt(4)) + "-" + (1 + random.nextInt(10));
                    Api.Response r = hold(clerk, HoldRequest.seats(List.of(seat)));
                    if (r.status() == 201) {
                        liveHolds.add(r.as(Hold.class));
                    }
                } else if (op == 1) {
                    Hold h = liveHolds.remove(random.nextInt(liveHolds.size()));
                    assertThat(api.delete("/api/holds/" + h.holdId(), clerk).status()).isEqualTo(204);
                } else {
                    String holdId = liveHolds.get(random.nextInt(liveHolds.size())).holdId();
                    api.post("/api/holds/" + holdId + "/extend", "", clerk);
                }
                if (random.nextBoolean()) {
                    Thread.sleep(10); // let the delta reach the server's copy before the read
                }
                SeatSnapshot served = api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class);
                SeatSnapshot read = new dev.curtain.server.hold.redis.RedisHoldStore(
                        new dev.curtain.server.hold.redis.EventScripts(truth.connection, null),
                        new dev.curtain.server.hold.redis.SnapshotSeats()).snapshot(live, null, Instant.now()).join();
                assertThat(served.version()).as("step %d", step).isEqualTo(read.version());
                assertThat(served.held()).as("step %d", step).containsExactlyInAnyOrderElementsOf(read.held());
                assertThat(served.sold()).as("step %d", step).containsExactlyInAnyOrderElementsOf(read.sold());
            }
        }
    }

    @Test
    void holdReadGrowShrinkExtendRelease() {
        Api.Response created = hold(clerk, HoldRequest.seats(List.of("HALL-C-4", "HALL-C-5")));
        assertThat(created.status()).isEqualTo(201);
        Hold hold = created.as(Hold.class);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/holds/" + hold.holdId());
        assertThat(hold.eventId()).isEqualTo(eventId);
        assertThat(hold.expiresAt()).isAfter(Instant.now().plusSeconds(590));

        assertThat(api.get("/api/holds/" + hold.holdId(), clerk).as(Hold.class).seatIds())
                .containsExactly("HALL-C-4", "HALL-C-5");
        Hold grown = api.post("/api/holds/" + hold.holdId() + "/seats", Map.of("seatIds", List.of("HALL-C-6")), clerk).as(Hold.class);
        assertThat(grown.seatIds()).containsExactly("HALL-C-4", "HALL-C-5", "HALL-C-6");
        Hold shrunk = api.delete("/api/holds/" + hold.holdId() + "/seats/HALL-C-4", clerk).as(Hold.class);
        assertThat(shrunk.seatIds()).containsExactly("HALL-C-5", "HALL-C-6");
        Hold extended = api.post("/api/holds/" + hold.holdId() + "/extend", "", clerk).as(Hold.class);
        assertThat(extended.expiresAt()).isAfterOrEqualTo(hold.expiresAt());

        SeatSnapshot seats = api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class);
        assertThat(seats.held()).containsExactlyInAnyOrder("HALL-C-5", "HALL-C-6");
        assertThat(seats.mine()).extracting(Hold::holdId).containsExactly(hold.holdId());
        assertThat(api.get("/api/events/" + eventId + "/seats", login("manager")).as(SeatSnapshot.class).mine()).isEmpty();

        assertThat(api.delete("/api/holds/" + hold.holdId(), clerk).status()).isEqualTo(204);
        assertThat(api.get("/api/holds/" + hold.holdId(), clerk).code()).isEqualTo("HOLD_NOT_FOUND");
        assertThat(api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class).held()).isEmpty();
    }

    @Test
    void removingTheLastSeatReleasesTheHold() {
        Hold hold = holdSeats(clerk, "HALL-A-1");
        assertThat(api.delete("/api/holds/" + hold.holdId() + "/seats/HALL-A-1", clerk).status()).isEqualTo(204);
        assertThat(api.get("/api/holds/" + hold.holdId(), clerk).status()).isEqualTo(404);
    }

    @Test
    void anotherPrincipalCannotReadExtendShrinkOrReleaseYourHold() {
        Hold hold = holdSeats(clerk, "HALL-B-1", "HALL-B-2");
        String guest = guest();
        String path = "/api/holds/" + hold.holdId();
        for (Api.Response r : List.of(api.get(path, guest), api.post(path + "/extend", "", guest),
                api.delete(path + "/seats/HALL-B-1", guest), api.delete(path, guest),
                api.post(path + "/seats", Map.of("seatIds", List.of("HALL-B-3")), guest))) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).isEqualTo("HOLD_NOT_FOUND");
        }
        assertThat(api.get(path, clerk).as(Hold.class).seatIds()).containsExactly("HALL-B-1", "HALL-B-2");
    }

    @Test
    void conflictNamesEveryUnavailableSeat() {
        holdSeats(clerk, "HALL-D-1", "HALL-D-3");
        Api.Response r = hold(guest(), HoldRequest.seats(List.of("HALL-D-1", "HALL-D-2", "HALL-D-3")));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(r.json().path("unavailable")).extracting(JsonNode::asText).containsExactlyInAnyOrder("HALL-D-1", "HALL-D-3");
        assertThat(api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class).held())
                .containsExactlyInAnyOrder("HALL-D-1", "HALL-D-3");
    }

    @Test
    void aSeatThisNodeKnowsToBeHeldIsRefusedFromItsCopyWithoutAskingRedis() throws Exception {
        try (LiveClient live = LiveClient.connect(server.port(), eventId, clerk);
             RedisFixture redis = new RedisFixture()) {
            live.next("snapshot"); // the node now keeps a copy of the event's unavailable seats
            holdSeats(clerk, "HALL-A-5");
            live.next("delta"); // applied to the copy before subscribers get it
            // Behind the server's back Redis forgets who holds the seat: Redis would grant it now, but the
            // node refuses from its copy (which only a delta, or the hold's end, would change)
            redis.connection.sync().hdel(EventKeys.prefix(eventId) + "held", "HALL-A-5");
            Api.Response r = hold(guest(), HoldRequest.seats(List.of("HALL-A-5", "HALL-A-6")));
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.code()).isEqualTo("SEATS_UNAVAILABLE");
            assertThat(r.json().path("unavailable")).extracting(JsonNode::asText).containsExactly("HALL-A-5");
            // a seat the copy does not know to be taken is for Redis to decide
            holdSeats(guest(), "HALL-A-6");
        }
    }

    @Test
    void badInputIsA4xxProblemAndHoldsNothing() {
        List<String> tenThousand = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tenThousand.add("HALL-A-" + i);
        }
        record Case(Object body, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("seatIds", List.of()), 400, "INVALID_HOLD"),
                new Case(Map.of("seatIds", List.of("NOPE-1", "HALL-A-1")), 400, "UNKNOWN_SEATS"),
                new Case(Map.of("seatIds", List.of("HALL-A-1", "HALL-A-1")), 400, "INVALID_HOLD"),
                new Case(Map.of("seatIds", tenThousand), 422, "TOO_MANY_SEATS"),
                new Case(Map.of("seatIds", "HALL-A-1"), 400, "INVALID_BODY"),
                new Case(Map.of(), 400, "INVALID_HOLD"),
                new Case(Map.of("seatIds", List.of("HALL-A-1"), "best", Map.of("count", 2)), 400, "INVALID_HOLD"),
                new Case(Map.of("best", Map.of("count", 0)), 400, "INVALID_HOLD"),
                new Case(Map.of("best", Map.of("count", 11)), 400, "INVALID_HOLD"),
                new Case(Map.of("best", Map.of("count", 2, "category", "VIP")), 400, "INVALID_HOLD"),
                new Case(Map.of("tableId", "T9"), 400, "UNKNOWN_TABLE"),
                new Case("{not json", 400, "INVALID_BODY"));
        for (Case c : cases) {
            Api.Response r = hold(clerk, c.body());
            assertThat(r.status()).as(c.body().toString().substring(0, Math.min(80, c.body().toString().length()))).isEqualTo(c.status());
            assertThat(r.isProblem()).isTrue();
            assertThat(r.code()).as(r.text()).isEqualTo(c.code());
            assertThat(r.json().path("detail").asText()).isNotBlank();
        }
        assertThat(api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class).held()).isEmpty();
    }

    @Test
    void unknownEventAndMalformedHoldIdsAre404() {
        assertThat(api.post("/api/events/nope/holds", HoldRequest.seats(List.of("A")), clerk).code()).isEqualTo("EVENT_NOT_FOUND");
        assertThat(api.get("/api/events/nope/seats", clerk).code()).isEqualTo("EVENT_NOT_FOUND");
        assertThat(api.get("/api/holds/garbage", clerk).code()).isEqualTo("HOLD_NOT_FOUND");
        assertThat(api.get("/api/holds/" + eventId + ".aaaaaaaaaaaa", clerk).code()).isEqualTo("HOLD_NOT_FOUND");
    }

    @Test
    void livePerPrincipalLimitIsEnforced() {
        for (int i = 1; i <= 10; i++) {
            holdSeats(clerk, "HALL-A-" + i);
        }
        Api.Response r = hold(clerk, HoldRequest.seats(List.of("HALL-B-1")));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("TOO_MANY_HOLDS");
    }

    @Test
    void eventsNotOnSaleRefuseHolds() {
        String manager = login("manager");
        Event future = new Event(null, "hall", "Later", SHOW, "EUR", TestData.prices(), null, 2,
                Instant.now().plusSeconds(86_400), null, null, null, null);
        String laterId = api.post("/api/events", future, manager).as(Event.class).id();
        Api.Response r = api.post("/api/events/" + laterId + "/holds", HoldRequest.seats(List.of("HALL-A-1")), clerk);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("NOT_ON_SALE");
        assertThat(r.json().path("detail").asText()).contains("not on sale yet");
    }

    @Test
    void maxSeatsPerHoldComesFromTheEvent() {
        String manager = login("manager");
        Event small = new Event(null, "hall", "Small", SHOW, "EUR", TestData.prices(), null, 2, null, null, null, null, null);
        String smallId = api.post("/api/events", small, manager).as(Event.class).id();
        Api.Response r = api.post("/api/events/" + smallId + "/holds",
                HoldRequest.seats(List.of("HALL-A-1", "HALL-A-2", "HALL-A-3")), clerk);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("TOO_MANY_SEATS");
    }

    @Test
    void bestAndNextBest() {
        Api.Response r = hold(clerk, HoldRequest.best(BestRequest.of(3)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Hold best = r.as(Hold.class);
        assertThat(best.seatIds()).hasSize(3);
        Api.Response next = api.post("/api/holds/" + best.holdId() + "/next-best", BestRequest.of(3), clerk);
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        Hold other = next.as(Hold.class);
        assertThat(other.seatIds()).hasSize(3).doesNotContainAnyElementsOf(best.seatIds());
        assertThat(api.get("/api/holds/" + best.holdId(), clerk).status()).isEqualTo(404);
    }

    @Test
    void tablesAreHeldWholeOrSeatBySeatAsTheirPolicySays() {
        String manager = login("manager");
        api.post("/api/venues", TestData.cabaret("club"), manager);
        Event show = new Event(null, "club", "Club", SHOW, "EUR", Map.of("STANDARD", Map.of("adult", 5000L)),
                null, null, null, null, null, null, null);
        String clubEvent = api.post("/api/events", show, manager).as(Event.class).id();
        String path = "/api/events/" + clubEvent + "/holds";

        Api.Response whole = api.post(path, HoldRequest.table("T1"), clerk);
        assertThat(whole.status()).as(whole.text()).isEqualTo(201);
        assertThat(whole.as(Hold.class).seatIds()).containsExactly("T1-1", "T1-2", "T1-3", "T1-4");
        Hold tableHold = whole.as(Hold.class);
        assertThat(api.delete("/api/holds/" + tableHold.holdId() + "/seats/T1-1", clerk).code()).isEqualTo("TABLE_SOLD_WHOLE");

        assertThat(api.post(path, HoldRequest.seats(List.of("T1-1")), guest()).code()).isEqualTo("TABLE_SOLD_WHOLE");
        assertThat(api.post(path, HoldRequest.table("T2"), clerk).code()).isEqualTo("TABLE_SOLD_BY_SEAT");
        assertThat(api.post(path, HoldRequest.seats(List.of("T2-1")), clerk).status()).isEqualTo(201);
        assertThat(api.post(path, HoldRequest.seats(List.of("T3-2")), clerk).status()).isEqualTo(201);
        Api.Response t3 = api.post(path, HoldRequest.table("T3"), guest());
        assertThat(t3.code()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(t3.json().path("unavailable")).extracting(JsonNode::asText).containsExactly("T3-2");
    }
}
