package dev.curtain.server.hold.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.server.testing.RedisFixture;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The audit against real Redis: a copy stays while it follows the event's state, and goes when it does not. */
class SnapshotSeatsAuditTest {

    private final RedisFixture redis = new RedisFixture();
    private final SnapshotSeats copies = new SnapshotSeats();
    private final SnapshotSeatsAudit audit = new SnapshotSeatsAudit(copies, redis.connection);

    @AfterEach
    void close() {
        redis.close();
    }

    private void state(String eventId, String build, long version) {
        redis.connection.sync().set(EventKeys.prefix(eventId) + "init", build);
        redis.connection.sync().set(EventKeys.prefix(eventId) + "version", String.valueOf(version));
    }

    private void copy(String eventId, String build, long version) {
        copies.put(eventId, new SnapshotSeats.Seats(build, version, List.of(), List.of(), List.of()));
    }

    @Test
    void aCopyInLineWithRedisStaysAndOneThatMissedADeltaGoes() throws Exception {
        String following = "audit-a-" + System.nanoTime();
        String behind = "audit-b-" + System.nanoTime();
        state(following, "b1", 5);
        state(behind, "b1", 5);
        copy(following, "b1", 5);
        copy(behind, "b1", 5);
        audit.audit().join();
        state(following, "b1", 6);
        state(behind, "b1", 6);
        copies.apply(following, 6, new ObjectMapper().readTree("[{\"seatId\":\"A-1\",\"status\":\"BLOCKED\"}]"));
        audit.audit().join(); // the other copy may still be waiting for version 6
        audit.audit().join();
        assertThat(copies.get(following)).isNotNull();
        assertThat(copies.get(behind)).isNull();
    }

    @Test
    void aCopyOfAStateRedisLostOrRebuiltGoes() {
        String lost = "audit-c-" + System.nanoTime();
        String rebuilt = "audit-d-" + System.nanoTime();
        state(rebuilt, "b2", 3);
        copy(lost, "b1", 5);
        copy(rebuilt, "b1", 9);
        audit.audit().join();
        assertThat(copies.get(lost)).isNull();
        assertThat(copies.get(rebuilt)).isNull();
    }

    @Test
    void whenRedisCannotBeReadEveryCopyGoes() {
        StatefulRedisConnection<String, String> closed = redis.client.connect();
        closed.close();
        copy("audit-e-" + System.nanoTime(), "b1", 5);
        new SnapshotSeatsAudit(copies, closed).audit().join();
        assertThat(copies.copies()).isEmpty();
    }
}
