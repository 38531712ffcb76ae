package dev.curtain.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.server.db.Ids;
import dev.curtain.server.hold.redis.EventKeys;
import dev.curtain.server.hold.redis.SnapshotSeats;
import dev.curtain.server.testing.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The node's pub/sub connection drops and comes back (a Redis failover, a network blip): deltas
 * published in between are lost, so the seat copies go, and once the connection is back deltas
 * move the copies read since.
 */
class DeltaRelayReconnectTest {

    private static final String NAME = "delta-relay-reconnect-test";

    @Test
    void copiesGoWhenThePubSubConnectionDropsAndNewCopiesFollowDeltasOnceItIsBack() {
        RedisURI uri = RedisURI.create(TestInfrastructure.get().redisUri());
        uri.setClientName(NAME);
        RedisClient client = RedisClient.create(uri);
        RedisClient other = RedisClient.create(TestInfrastructure.get().redisUri());
        SnapshotSeats copies = new SnapshotSeats();
        DeltaRelay relay = new DeltaRelay(client, new LiveHub(new SimpleMeterRegistry()), copies, new ObjectMapper());
        try (StatefulRedisConnection<String, String> redis = other.connect()) {
            String eventId = Ids.newId();
            copies.put(eventId, new SnapshotSeats.Seats("b", 1, List.of(), List.of(), List.of()));
            redis.sync().publish(EventKeys.channel(eventId), delta(2));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> version(copies, eventId) == 2);

            // only this relay's connection: other tests' servers share the test Redis
            long killed = redis.sync().clientList().lines()
                    .filter(line -> line.contains(" name=" + NAME + " ") && line.contains(" cmd=psubscribe"))
                    .mapToLong(line -> redis.sync().clientKill(io.lettuce.core.KillArgs.Builder.id(
                            Long.parseLong(line.substring(3, line.indexOf(' '))))))
                    .sum();
            assertThat(killed).isEqualTo(1);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> copies.get(eventId) == null);

            // a copy read after the drop is moved by deltas once the relay has subscribed again
            // (read again when the reconnect clears it: a read may race the reconnect)
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (copies.get(eventId) == null) {
                    copies.put(eventId, new SnapshotSeats.Seats("b", 10, List.of(), List.of(), List.of()));
                }
                redis.sync().publish(EventKeys.channel(eventId), delta(version(copies, eventId) + 1));
                return version(copies, eventId) >= 11;
            });
        } finally {
            relay.close();
            client.shutdown();
            other.shutdown();
        }
    }

    private static long version(SnapshotSeats copies, String eventId) {
        SnapshotSeats.Seats seats = copies.get(eventId);
        return seats == null ? -1 : seats.version();
    }

    private static String delta(long version) {
        return "{\"type\":\"delta\",\"version\":" + version + ",\"changes\":[{\"seatId\":\"S-" + version
                + "\",\"status\":\"SOLD\"}]}";
    }
}
