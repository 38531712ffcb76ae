package dev.curtain.server.venue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.curtain.model.venue.Venue;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.TestData;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VenueApiTest extends ServerTest {

    @Test
    void managerCreatesVenueAndEveryoneCanReadIt() {
        String manager = login("manager");
        Api.Response created = api.post("/api/venues", TestData.hall("main-hall", 3, 5), manager);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/venues/main-hall");

        Venue read = api.get("/api/venues/main-hall", guest()).as(Venue.class);
        assertThat(read.seats()).hasSize(15);
        assertThat(read.seats().get(0).id()).isEqualTo("HALL-A-1");
        assertThat(read.categories()).extracting(c -> c.id()).containsExactly("PREMIUM", "STANDARD");

        JsonNode list = api.get("/api/venues", login("clerk")).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("capacity").asInt()).isEqualTo(15);
        assertThat(list.get(0).has("seats")).isFalse();
    }

    @Test
    void aHundredThousandSeatVenueCanBeCreated() {
        Venue huge = TestData.hall("huge", 250, 400);
        Api.Response created = api.post("/api/venues", huge, login("manager"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(api.get("/api/venues", login("clerk")).json().get(0).path("capacity").asInt()).isEqualTo(100_000);
    }

    @Test
    void venueWithoutIdGetsOneFromItsName() {
        Venue body = TestData.hall(null, 2, 2);
        Api.Response created = api.post("/api/venues", body, login("admin"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).startsWith("test-hall-null-");
    }

    @Test
    void duplicateVenueIdIsAConflict() {
        String manager = login("manager");
        api.post("/api/venues", TestData.hall("dup", 1, 2), manager);
        Api.Response again = api.post("/api/venues", TestData.hall("dup", 1, 2), manager);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("VENUE_EXISTS");
    }

    @Test
    void unknownVenueIs404Problem() {
        Api.Response r = api.get("/api/venues/nope", login("clerk"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("VENUE_NOT_FOUND");
    }

    static Stream<Arguments> badLayouts() {
        return Stream.of(
                bad("duplicate seat id", v -> seat(v, 1).put("id", "HALL-A-1"), "seats[1].id", "used twice"),
                bad("seat outside the layout", v -> seat(v, 2).put("x", 100_000), "seats[2].x", "outside"),
                bad("negative position", v -> seat(v, 0).put("y", -5), "seats[0].x", "outside"),
                bad("unknown category", v -> seat(v, 3).put("category", "VIP"), "seats[3].category", "unknown category"),
                bad("table seat that does not exist", v -> ((ArrayNode) v.withArray("tables")).addObject()
                        .put("id", "T1").put("x", 5).put("y", 5).set("seatIds", v.arrayNode().add("GHOST-1")),
                        "tables[0].seatIds", "does not exist"),
                bad("seat naming an unknown table", v -> seat(v, 0).put("tableId", "T9"), "seats[0].tableId", "unknown table"),
                bad("no seats", v -> v.putArray("seats"), "seats", "at least one seat"),
                bad("no categories", v -> v.putArray("categories"), "categories", "at least one price category"),
                bad("bad colour", v -> ((ObjectNode) v.get("categories").get(0)).put("color", "red"),
                        "categories[0].color", "colour"),
                bad("duplicate category", v -> ((ObjectNode) v.get("categories").get(1)).put("id", "PREMIUM"),
                        "categories[1].id", "used twice"),
                bad("missing name", v -> v.remove("name"), "name", "required"),
                bad("zero width", v -> v.put("width", 0), "width", "positive"),
                bad("bad venue id", v -> v.put("id", "Not Valid!"), "id", "lowercase"),
                bad("seat with zero size", v -> seat(v, 0).put("w", 0), "seats[0].w", "positive width"),
                bad("missing kind", v -> v.remove("kind"), "kind", "required"),
                bad("shape outside", v -> ((ObjectNode) v.get("shapes").get(0)).put("x", 99_999), "shapes[0].x", "outside"));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> mutation, String field, String detailPart) {
        return Arguments.of(name, mutation, field, detailPart);
    }

    private static ObjectNode seat(ObjectNode venue, int index) {
        return (ObjectNode) venue.get("seats").get(index);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLayouts")
    void badLayoutIsRefusedNamingTheFaultAndNothingIsStored(String name, Consumer<ObjectNode> mutation,
                                                             String field, String detailPart) {
        ObjectNode body = Api.JSON.valueToTree(TestData.hall("bad-hall", 2, 4));
        mutation.accept(body);
        String manager = login("manager");
        Api.Response r = api.post("/api/venues", body, manager);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("INVALID_VENUE");
        assertThat(r.json().path("field").asText()).isEqualTo(field);
        assertThat(r.json().path("detail").asText()).contains(detailPart);
        assertThat(api.get("/api/venues", manager).json()).isEmpty();
    }

    @Test
    void malformedJsonIs400Problem() {
        Api.Response r = api.post("/api/venues", "{\"name\": ", login("manager"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void wrongTypeIs400Problem() {
        ObjectNode body = Api.JSON.valueToTree(TestData.hall("typed", 1, 2));
        body.put("width", "wide");
        Api.Response r = api.post("/api/venues", body, login("manager"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.code()).isEqualTo("INVALID_BODY");
    }
}
