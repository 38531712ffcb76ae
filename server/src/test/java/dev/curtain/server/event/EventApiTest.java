package dev.curtain.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.curtain.model.event.Event;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventApiTest extends ServerTest {

    private static final Instant T0 = Instant.parse("2030-03-01T19:30:00Z");
    private String manager;

    @BeforeEach
    void venue() {
        manager = login("manager");
        assertThat(api.post("/api/venues", TestData.hall("hall", 3, 4), manager).status()).isEqualTo(201);
    }

    @Test
    void managerCreatesEventWithDefaults() {
        Api.Response r = api.post("/api/events", TestData.event("hall", "Opening Night", T0), manager);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        Event e = r.as(Event.class);
        assertThat(r.raw().headers().firstValue("Location")).hasValue("/api/events/" + e.id());
        assertThat(e.holdTtlSeconds()).isEqualTo(600);
        assertThat(e.maxSeatsPerHold()).isEqualTo(10);
        assertThat(e.queueEnabled()).isFalse();
        assertThat(e.venueName()).isEqualTo("Test Hall hall");
        assertThat(e.capacity()).isEqualTo(12);
        assertThat(e.prices().get("PREMIUM")).containsEntry("adult", 3000L).containsEntry("child", 1500L);

        Event read = api.get("/api/events/" + e.id(), guest()).as(Event.class);
        assertThat(read).isEqualTo(e);
    }

    @Test
    void listFiltersByDate() {
        for (int day = 0; day < 5; day++) {
            api.post("/api/events", TestData.event("hall", "Day " + day, T0.plus(day, ChronoUnit.DAYS)), manager);
        }
        String clerk = login("clerk");
        JsonNode all = api.get("/api/events", clerk).json();
        assertThat(all).hasSize(5);
        assertThat(all.get(0).path("title").asText()).isEqualTo("Day 0");

        JsonNode window = api.get("/api/events?from=" + T0.plus(1, ChronoUnit.DAYS) + "&to=" + T0.plus(3, ChronoUnit.DAYS), clerk).json();
        assertThat(window).extracting(n -> n.path("title").asText()).containsExactly("Day 1", "Day 2");

        JsonNode none = api.get("/api/events?venueId=elsewhere", clerk).json();
        assertThat(none).isEmpty();
    }

    @Test
    void invertedDateWindowIs400() {
        Api.Response r = api.get("/api/events?from=" + T0 + "&to=" + T0.minusSeconds(1), login("clerk"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void unparseableDateIs400() {
        Api.Response r = api.get("/api/events?from=yesterday", login("clerk"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void unknownEventIs404Problem() {
        Api.Response r = api.get("/api/events/nope", login("clerk"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("EVENT_NOT_FOUND");
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                bad("unknown venue", e -> e.put("venueId", "ghost"), "venueId"),
                bad("missing title", e -> e.remove("title"), "title"),
                bad("blank title", e -> e.put("title", "  "), "title"),
                bad("missing start", e -> e.remove("startsAt"), "startsAt"),
                bad("bad currency", e -> e.put("currency", "EURO"), "currency"),
                bad("made-up currency", e -> e.put("currency", "ZZZ"), "currency"),
                bad("no prices", e -> e.putObject("prices"), "prices"),
                bad("unpriced category", e -> ((ObjectNode) e.get("prices")).remove("STANDARD"), "prices"),
                bad("unknown category", e -> ((ObjectNode) e.get("prices")).putObject("VIP").put("adult", 1), "prices.VIP"),
                bad("negative price", e -> ((ObjectNode) e.get("prices").get("PREMIUM")).put("adult", -1), "prices.PREMIUM.adult"),
                bad("empty ticket types", e -> ((ObjectNode) e.get("prices")).putObject("PREMIUM"), "prices.PREMIUM"),
                bad("bad ticket type name", e -> ((ObjectNode) e.get("prices").get("PREMIUM")).put("1st!", 5), "prices.PREMIUM.1st!"),
                bad("hold ttl too long", e -> e.put("holdTtlSeconds", 1801), "holdTtlSeconds"),
                bad("hold ttl too short", e -> e.put("holdTtlSeconds", 5), "holdTtlSeconds"),
                bad("too many seats per hold", e -> e.put("maxSeatsPerHold", 51), "maxSeatsPerHold"),
                bad("zero seats per hold", e -> e.put("maxSeatsPerHold", 0), "maxSeatsPerHold"),
                bad("sale window inverted", e -> e.put("onSaleFrom", "2030-02-01T00:00:00Z")
                        .put("onSaleUntil", "2030-01-01T00:00:00Z"), "onSaleUntil"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> mutation, String field) {
        return Arguments.of(name, mutation, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void badEventIsRefusedNamingTheFaultAndNothingIsStored(String name, Consumer<ObjectNode> mutation, String field) {
        ObjectNode body = Api.JSON.valueToTree(TestData.event("hall", "Bad", T0));
        mutation.accept(body);
        Api.Response r = api.post("/api/events", body, manager);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("INVALID_EVENT");
        assertThat(r.json().path("field").asText()).isEqualTo(field);
        assertThat(r.json().path("detail").asText()).isNotBlank();
        assertThat(api.get("/api/events", manager).json()).isEmpty();
    }

    @Test
    void wrongTypeIs400() {
        ObjectNode body = Api.JSON.valueToTree(TestData.event("hall", "Typed", T0));
        body.put("holdTtlSeconds", "ten minutes");
        Api.Response r = api.post("/api/events", body, manager);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(api.get("/api/events", manager).json()).isEmpty();
    }
}
