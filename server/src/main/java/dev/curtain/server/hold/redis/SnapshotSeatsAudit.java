package dev.curtain.server.hold.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds, checks each of this node's seat copies against Redis (the event's build and
 * version, one read per copy), so that a copy which stopped following the deltas without noticing
 * (a pub/sub connection that stalled without dropping, a state rebuilt after a Redis loss under
 * versions the copy had already passed) refuses holds for seconds at most. When Redis cannot be
 * read, every copy goes.
 */
@Singleton
public class SnapshotSeatsAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSeatsAudit.class);

    private final SnapshotSeats copies;
    private final RedisAsyncCommands<String, String> redis;

    public SnapshotSeatsAudit(SnapshotSeats copies, StatefulRedisConnection<String, String> connection) {
        this.copies = copies;
        this.redis = connection.async();
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void scheduled() {
        audit();
    }

    /** Checks every copy once; completes when all are checked. */
    public CompletableFuture<Void> audit() {
        copies.pruneFreed();
        List<SnapshotSeats.Kept> kept = copies.copies();
        CompletableFuture<?>[] checks = new CompletableFuture<?>[kept.size()];
        for (int i = 0; i < checks.length; i++) {
            String eventId = kept.get(i).eventId();
            String prefix = EventKeys.prefix(eventId);
            checks[i] = redis.mget(prefix + "init", prefix + "version").toCompletableFuture()
                    .thenAccept(values -> copies.check(eventId, value(values.get(0)), version(values.get(1))));
        }
        return CompletableFuture.allOf(checks).exceptionally(error -> {
            LOG.debug("event=seat_copies_dropped reason=\"{}\"", error.toString());
            copies.clear();
            return null;
        });
    }

    private static String value(KeyValue<String, String> kv) {
        return kv.hasValue() ? kv.getValue() : null;
    }

    private static long version(KeyValue<String, String> kv) {
        return kv.hasValue() ? Long.parseLong(kv.getValue()) : 0;
    }
}
