package dev.curtain.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.model.auth.TokenResponse;
import dev.curtain.model.booking.Booking;
import dev.curtain.model.booking.BookingRequest;
import dev.curtain.model.booking.PaymentRequest;
import dev.curtain.model.event.Event;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.server.ops.embedded.EmbeddedRedisServer;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.LiveClient;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.testing.TestInfrastructure;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Redis goes away under a running server and comes back: live calls fail fast, durable reads go on. */
class RedisOutageTest {

    @Test
    void holdsAnswer503WhileRedisIsDownBookingsStayReadableAndTheServerRecovers() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.wipeDatabase();
        Path dir = TestInfrastructure.tempDir("curtain-outage");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir, port);
        LaunchSettings base = infra.settings();
        LaunchSettings settings = new LaunchSettings(base.home(), base.databaseUrl(), base.databaseUser(),
                base.databasePassword(), Optional.of(redis.uri()), base.port(), base.jwtSecret(), base.demoPassword(), false);
        try (CurtainServer server = CurtainServer.start(settings, Map.of("curtain.demo.enabled", false))) {
            TestData.staff(server);
            Api api = new Api(server.port());
            String manager = token(api, "manager");
            String clerk = token(api, "clerk");
            api.post("/api/venues", TestData.hall("outage", 2, 5), manager);
            String eventId = api.post("/api/events", TestData.event("outage", "Outage", Instant.parse("2031-01-01T20:00:00Z")),
                    manager).as(Event.class).id();
            try (LiveClient live = LiveClient.connect(server.port(), eventId, clerk)) {
                live.next("snapshot"); // the node keeps a copy of the event's seats...
                api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-3")), clerk);
                live.next("delta"); // ...and knows HALL-A-3 is held
            }
            Hold hold = api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-1")), clerk).as(Hold.class);
            Booking booking = api.post("/api/bookings", new BookingRequest(hold.holdId(), null, PaymentRequest.card("T-1"), null),
                    clerk, "outage-sale").as(Booking.class);

            redis.close();
            long started = System.nanoTime();
            Api.Response refused = api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-2")), clerk);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(refused.status()).as(refused.text()).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.code()).isEqualTo("LIVE_STATE_UNAVAILABLE");
            assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
            // deltas published while the node is cut off would be lost: it no longer refuses from its copy
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-3")), clerk).status() == 503);
            assertThat(api.get("/api/bookings/" + booking.id(), clerk).status()).isEqualTo(200);
            assertThat(api.get("/api/events/" + eventId, clerk).status()).isEqualTo(200);

            redis = EmbeddedRedisServer.start(dir, port);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-2")), clerk).status() == 201);
            Api.Response sold = api.post("/api/events/" + eventId + "/holds", HoldRequest.seats(List.of("HALL-A-1")), clerk);
            assertThat(sold.code()).isEqualTo("SEATS_UNAVAILABLE");
        } finally {
            redis.close();
        }
    }

    private static String token(Api api, String user) {
        return api.post("/api/auth/login", Map.of("username", user, "password", TestInfrastructure.DEMO_PASSWORD), null)
                .as(TokenResponse.class).accessToken();
    }
}
