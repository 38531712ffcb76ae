package dev.curtain.server.testing;

import dev.curtain.model.event.Event;
import dev.curtain.model.venue.Venue;
import dev.curtain.server.db.Ids;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.SoldAndBlockedSeats;
import dev.curtain.server.hold.redis.EventScripts;
import dev.curtain.server.hold.redis.EventStateInitializer;
import dev.curtain.server.hold.redis.RedisHoldStore;
import dev.curtain.server.hold.redis.RedisSeatLedger;
import dev.curtain.server.hold.redis.SnapshotSeats;
import dev.curtain.server.venue.SeatIndex;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The hold store on the test JVM's real Redis, without a server: for testing the Lua scripts
 * directly. Sold and blocked seats "in PostgreSQL" are whatever a test puts in {@link #sold}.
 */
public final class RedisFixture implements AutoCloseable {

    public final RedisClient client;
    public final StatefulRedisConnection<String, String> connection;
    public final RedisHoldStore store;
    /** Sold and blocked markers on the same scripts and copies as {@link #store}. */
    public final RedisSeatLedger ledger;
    /** The store's seat copies; the fixture relays no deltas, so a test puts into them what it needs. */
    public final SnapshotSeats copies = new SnapshotSeats();
    public final Map<String, List<String>> sold = new ConcurrentHashMap<>();
    public final Map<String, List<String>> blocked = new ConcurrentHashMap<>();
    /** How many times each event's live state was built from the durable seats. */
    public final Map<String, java.util.concurrent.atomic.AtomicInteger> builds = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public RedisFixture() {
        this(TestInfrastructure.get().redisUri());
    }

    /** On any Redis (the JMH benchmarks start their own). */
    public RedisFixture(String redisUri) {
        client = RedisClient.create(redisUri);
        connection = client.connect();
        SoldAndBlockedSeats durable = new SoldAndBlockedSeats() {
            @Override
            public List<String> sold(String eventId) {
                builds.computeIfAbsent(eventId, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                return sold.getOrDefault(eventId, List.of());
            }

            @Override
            public List<String> blocked(String eventId) {
                return blocked.getOrDefault(eventId, List.of());
            }
        };
        EventScripts scripts = new EventScripts(connection,
                new EventStateInitializer(connection, durable, executor, Clock.systemUTC(), copies));
        store = new RedisHoldStore(scripts, copies);
        ledger = new RedisSeatLedger(scripts, copies);
    }

    /** A fresh event (new id, so tests never share Redis keys) of the given venue. */
    public static LiveEvent event(Venue venue, int maxSeatsPerHold) {
        Map<String, Map<String, Long>> prices = new java.util.LinkedHashMap<>();
        venue.categories().forEach(c -> prices.put(c.id(), Map.of("adult", 1000L)));
        Event event = new Event(Ids.newId(), venue.id(), "Test", java.time.Instant.parse("2030-01-01T20:00:00Z"), "EUR",
                prices, 600, maxSeatsPerHold, null, null, false, venue.name(), venue.capacity());
        return new LiveEvent(event, SeatIndex.of(venue));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        executor.shutdownNow();
    }
}
