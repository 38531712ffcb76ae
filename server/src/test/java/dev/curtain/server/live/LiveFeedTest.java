package dev.curtain.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.LiveSeatState;
import dev.curtain.model.live.SeatDelta;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.live.SeatStatus;
import dev.curtain.server.ops.CurtainServer;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.LiveClient;
import dev.curtain.server.testing.ServerTest;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live feed across two server nodes sharing one PostgreSQL and one Redis. */
class LiveFeedTest extends ServerTest {

    private static CurtainServer nodeB;
    private static Api apiB;
    private String eventId;

    @BeforeAll
    static void secondNode() {
        nodeB = CurtainServer.start(TestInfrastructure.get().settings(), Map.of("curtain.demo.enabled", false));
        apiB = new Api(nodeB.port());
    }

    @AfterAll
    static void stopSecondNode() {
        nodeB.close();
    }

    @BeforeEach
    void performance() {
        String manager = login("manager");
        api.post("/api/venues", TestData.hall("live", 3, 8), manager);
        eventId = api.post("/api/events", TestData.event("live", "Live", Instant.parse("2031-01-01T20:00:00Z")), manager)
                .as(Event.class).id();
    }

    @Test
    void subscribersOnBothNodesSeeTheSameDeltasInTheSameOrder() throws Exception {
        String clerk = login("clerk");
        try (LiveClient onA = LiveClient.connect(server.port(), eventId, clerk);
             LiveClient onB = LiveClient.connect(nodeB.port(), eventId, guest())) {
            long start = onA.next("snapshot").path("version").asLong();
            assertThat(onB.next("snapshot").path("version").asLong()).isEqualTo(start);

            Hold first = apiB.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-1", "HALL-A-2")), clerk)
                    .as(Hold.class);
            api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-B-1")), clerk);
            api.delete("/api/holds/" + first.holdId() + "/seats/HALL-A-1", clerk);
            apiB.delete("/api/holds/" + first.holdId(), clerk);

            List<JsonNode> seenOnA = onA.deltas(4);
            List<JsonNode> seenOnB = onB.deltas(4);
            assertThat(seenOnA).isEqualTo(seenOnB);
            for (int i = 0; i < 4; i++) {
                assertThat(seenOnA.get(i).path("version").asLong()).isEqualTo(start + 1 + i);
            }
            assertThat(seenOnA.get(0).path("changes")).extracting(c -> c.path("status").asText()).containsOnly("HELD");
            assertThat(seenOnA.get(0).path("changes").get(0).path("holdId").asText()).isEqualTo(first.holdId());
            assertThat(seenOnA.get(3).path("changes").get(0).path("seatId").asText()).isEqualTo("HALL-A-2");
            assertThat(seenOnA.get(3).path("changes").get(0).path("status").asText()).isEqualTo("AVAILABLE");
        }
    }

    @Test
    void aClientThatMissesVersionsDetectsTheGapAndResyncsToTheExactSnapshot() throws Exception {
        String clerk = login("clerk");
        try (LiveClient client = LiveClient.connect(nodeB.port(), eventId, clerk)) {
            LiveSeatState state = new LiveSeatState();
            state.apply(Api.JSON.treeToValue(client.next("snapshot"), SeatSnapshot.class));

            api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-C-1")), clerk);
            api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-C-2")), guest());
            api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-C-3")), clerk);

            assertThat(state.apply(Api.JSON.treeToValue(client.next("delta"), SeatDelta.class)))
                    .isEqualTo(LiveSeatState.Outcome.APPLIED);
            client.next("delta"); // lost on the way
            assertThat(state.apply(Api.JSON.treeToValue(client.next("delta"), SeatDelta.class)))
                    .isEqualTo(LiveSeatState.Outcome.GAP);

            client.send("{\"type\":\"resync\"}");
            state.apply(Api.JSON.treeToValue(client.next("snapshot"), SeatSnapshot.class));
            SeatSnapshot truth = api.get("/api/events/" + eventId + "/seats", clerk).as(SeatSnapshot.class);
            assertThat(state.version()).isEqualTo(truth.version());
            assertThat(state.seatsIn(SeatStatus.HELD)).containsExactlyInAnyOrderElementsOf(truth.held());
            assertThat(state.seatsIn(SeatStatus.HELD)).containsExactlyInAnyOrder("HALL-C-1", "HALL-C-2", "HALL-C-3");
        }
    }

    @Test
    void connectWithoutAValidTokenIsRefused() throws Exception {
        try (LiveClient anonymous = LiveClient.connect(server.port(), eventId, null)) {
            assertThat(anonymous.closeCode()).isEqualTo(4401);
        }
        try (LiveClient forged = LiveClient.connect(server.port(), eventId, "not-a-token")) {
            assertThat(forged.closeCode()).isEqualTo(4401);
        }
    }

    @Test
    void unknownEventClosesTheFeed() throws Exception {
        try (LiveClient client = LiveClient.connect(server.port(), "no-such-event", login("clerk"))) {
            assertThat(client.closeCode()).isEqualTo(4404);
        }
    }

    @Test
    void snapshotNamesTheCallersOwnHolds() throws Exception {
        String clerk = login("clerk");
        Hold mine = api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-5")), clerk).as(Hold.class);
        try (LiveClient client = LiveClient.connect(server.port(), eventId, clerk)) {
            SeatSnapshot snapshot = Api.JSON.treeToValue(client.next("snapshot"), SeatSnapshot.class);
            assertThat(snapshot.held()).containsExactly("HALL-A-5");
            assertThat(snapshot.mine()).extracting(Hold::holdId).containsExactly(mine.holdId());
        }
    }
}
