package dev.curtain.server.bench;

import dev.curtain.model.hold.Hold;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Venue;
import dev.curtain.server.demo.DemoVenues;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.HoldStore;
import dev.curtain.server.hold.redis.RedisHoldStore;
import dev.curtain.server.ops.embedded.EmbeddedRedisServer;
import dev.curtain.server.testing.RedisFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The hot Redis paths of a hold, as one caller sees them (one call at a time, so the figure is a
 * round trip plus the script): a 2-seat hold and its release, and best-available for 4 seats
 * together on the 20,000-seat demo arena, empty or with a share of its seats already held.
 * Runs against an embedded Redis started for the run. {@code ./curtain bench --jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HoldScriptBenchmark {

    /** Share of the arena held before measuring, in percent. */
    @Param({"0", "80"})
    public int filledPercent;

    private Path dataDir;
    private EmbeddedRedisServer redisServer;
    private RedisFixture redis;
    private RedisHoldStore store;
    private LiveEvent event;
    private List<String> free;
    private final AtomicLong sequence = new AtomicLong();
    private int next;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dataDir = Files.createTempDirectory("curtain-jmh-redis-");
        redisServer = EmbeddedRedisServer.start(dataDir);
        redis = new RedisFixture("redis://127.0.0.1:" + redisServer.port());
        store = redis.store;
        Venue arena = DemoVenues.arena();
        event = RedisFixture.event(arena, 50);
        List<String> seats = new ArrayList<>(arena.seats().stream().map(Seat::id).toList());
        Collections.shuffle(seats, new Random(42));
        int filled = seats.size() * filledPercent / 100;
        for (int i = 0; i < filled; i += 10) {
            hold(seats.subList(i, Math.min(filled, i + 10)));
        }
        free = new ArrayList<>(seats.subList(filled, seats.size()));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        redis.close();
        redisServer.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Hold two free seats, then release them: the seat map ends as it began. */
    @Benchmark
    public long holdTwoSeatsAndRelease() {
        int i = next;
        next = (i + 2) % (free.size() - 1);
        Hold hold = hold(List.of(free.get(i), free.get(i + 1)));
        return store.release(event, hold.holdId(), "bench", Instant.now()).join();
    }

    /** Best 4 seats together (the script's search over row segments by distance), then release. */
    @Benchmark
    public long bestFourAndRelease() {
        Instant now = Instant.now();
        Hold hold = store.best(event, holdId(), "bench", new HoldStore.BestQuery(4, event.categoriesByPreference(),
                false, false), times(now), Integer.MAX_VALUE, null).join();
        return store.release(event, hold.holdId(), "bench", now).join();
    }

    private Hold hold(List<String> seats) {
        return store.create(event, holdId(), "bench", seats, times(Instant.now()), Integer.MAX_VALUE).join();
    }

    private String holdId() {
        return event.id() + ".jmh" + sequence.incrementAndGet();
    }

    private static HoldStore.HoldTimes times(Instant now) {
        return new HoldStore.HoldTimes(now, now.plusSeconds(3600));
    }
}
