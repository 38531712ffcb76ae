package dev.curtain.server.hold.redis;

import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.SoldAndBlockedSeats;
import dev.curtain.server.venue.SeatIndex;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an event's live state in Redis from PostgreSQL (sold and blocked seats) and the venue
 * (best-available segments). Runs the first time an event is used, and again whenever Redis has
 * lost the event's keys, so a sold seat can never be held again after a Redis loss.
 */
@Singleton
public class EventStateInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(EventStateInitializer.class);
    private static final LuaScript INIT = LuaScript.load("event_init.lua");

    private final RedisAsyncCommands<String, String> redis;
    private final SoldAndBlockedSeats durable;
    private final ExecutorService blocking;
    private final Clock clock;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final SnapshotSeats snapshotSeats;

    public EventStateInitializer(StatefulRedisConnection<String, String> connection, SoldAndBlockedSeats durable,
                                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking, Clock clock,
                                 SnapshotSeats snapshotSeats) {
        this.redis = connection.async();
        this.durable = durable;
        this.blocking = blocking;
        this.clock = clock;
        this.snapshotSeats = snapshotSeats;
    }

    /**
     * Builds the event's state once however many requests find it missing at the same moment (a
     * crowd arriving at a cold event would otherwise start one rebuild each: 200 of them took the
     * server 15 s); later callers share the build in flight.
     */
    public CompletableFuture<Void> initialize(LiveEvent event) {
        snapshotSeats.forget(event.id()); // Redis lost the state this node's copy followed
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.putIfAbsent(event.id(), mine);
        if (running != null) {
            return running;
        }
        try {
            build(event).whenComplete((v, e) -> finish(event.id(), mine, e));
        } catch (RuntimeException e) {
            finish(event.id(), mine, e); // the blocking executor refused the work
        }
        return mine;
    }

    private void finish(String eventId, CompletableFuture<Void> mine, Throwable error) {
        inFlight.remove(eventId, mine);
        if (error == null) {
            mine.complete(null);
        } else {
            mine.completeExceptionally(error);
        }
    }

    private CompletableFuture<Void> build(LiveEvent event) {
        long started = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> arguments(event), blocking)
                .thenCompose(args -> INIT.call(redis, EventKeys.scriptKeys(event.id()), args))
                .thenAccept(r -> {
                    redis.sadd(EventKeys.LIVE_EVENTS, event.id());
                    LOG.info("event=live_state_built eventId={} built={} millis={}", event.id(), r.get(0),
                            (System.nanoTime() - started) / 1_000_000);
                });
    }

    private String[] arguments(LiveEvent event) {
        List<String> sold = durable.sold(event.id());
        List<String> blocked = durable.blocked(event.id());
        List<SeatIndex.Segment> segments = event.seats().segments();
        List<String> args = new ArrayList<>(4 + sold.size() + blocked.size() + segments.size() * 4);
        // Versions continue from the clock, so a rebuilt event never reuses a version clients saw.
        args.add(String.valueOf(clock.millis()));
        args.add(String.valueOf(sold.size()));
        args.add(String.valueOf(blocked.size()));
        args.add(String.valueOf(segments.size()));
        args.addAll(sold);
        args.addAll(blocked);
        List<String> encoded = event.seats().encodedSegments();
        for (int i = 0; i < segments.size(); i++) {
            SeatIndex.Segment s = segments.get(i);
            args.add(String.valueOf(s.number()));
            args.add(s.category());
            args.add(String.valueOf(s.lowerBound()));
            args.add(encoded.get(i));
        }
        return args.toArray(String[]::new);
    }
}
