package dev.curtain.server.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.HoldStore.HoldTimes;
import dev.curtain.server.hold.redis.EventKeys;
import dev.curtain.server.hold.redis.SnapshotSeats;
import dev.curtain.server.testing.Api;
import dev.curtain.server.testing.RedisFixture;
import dev.curtain.server.testing.TestData;
import dev.curtain.server.web.DomainException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hold scripts against a real Redis: atomicity under contention, expiry, ownership, script loss. */
class HoldScriptsTest {

    private static final Instant T0 = Instant.parse("2030-01-01T18:00:00Z");
    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();
    private static RedisFixture redis;

    @BeforeAll
    static void connect() {
        redis = new RedisFixture();
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    private static LiveEvent hall() {
        return RedisFixture.event(TestData.hall("h", 3, 10), 10);
    }

    private static HoldTimes times(Instant now) {
        return new HoldTimes(now, now.plusSeconds(600));
    }

    private static Hold hold(LiveEvent e, String owner, List<String> seats) {
        return redis.store.create(e, e.id() + "." + owner + SEQUENCE.incrementAndGet(), owner, seats, times(T0), 10).join();
    }

    /**
     * Gives this node's copy what a node following the deltas would have: the event as it stood just
     * before {@code version}, then that version's delta, whose changes are {@code changesJson}.
     */
    private static void copyFollowing(LiveEvent e, long version, String changesJson) throws Exception {
        redis.copies.put(e.id(), new SnapshotSeats.Seats("b", version - 1, List.of(), List.of(), List.of()));
        redis.copies.apply(e.id(), version, new ObjectMapper().readTree(changesJson));
    }

    /** The changes of the delta that announced {@code hold}: its seats held, to its end. */
    private static String announced(Hold hold) {
        return hold.seatIds().stream()
                .map(seat -> "{\"seatId\":\"" + seat + "\",\"status\":\"HELD\",\"expiresAt\":\"" + hold.expiresAt() + "\"}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static DomainException refusal(Runnable call) {
        try {
            call.run();
        } catch (CompletionException e) {
            return (DomainException) e.getCause();
        }
        throw new AssertionError("expected a refusal");
    }

    private static List<String> seats(String row, int... numbers) {
        List<String> ids = new ArrayList<>();
        for (int n : numbers) {
            ids.add("HALL-" + row + "-" + n);
        }
        return ids;
    }

    @Test
    void aSeatThisNodeFreedIsNotRefusedFromItsCopyBeforeTheDeltaArrives() throws Exception {
        LiveEvent e = hall();
        Hold first = hold(e, "a", seats("B", 1));
        copyFollowing(e, first.version(), announced(first)); // the hold announced, to end in ten minutes
        assertThat(redis.copies.knownTaken(e.id(), seats("B", 1), T0.toEpochMilli())).containsExactly("HALL-B-1");
        redis.store.release(e, first.holdId(), "a", T0).join();
        // the fixture relays no deltas, so the copy never learns of the release: the release's own answer is enough
        assertThat(hold(e, "b", seats("B", 1)).seatIds()).containsExactly("HALL-B-1");
    }

    @Test
    void seatsThisNodeSwappedForTheNextBestAreNotRefusedFromItsCopyBeforeTheDeltaArrives() throws Exception {
        LiveEvent e = hall();
        HoldStore.BestQuery two = new HoldStore.BestQuery(2, e.categoriesByPreference(), false, false);
        Hold first = redis.store.best(e, e.id() + ".a" + SEQUENCE.incrementAndGet(), "a", two, times(T0), 10, null).join();
        copyFollowing(e, first.version(), announced(first));
        assertThat(redis.copies.knownTaken(e.id(), first.seatIds(), T0.toEpochMilli()))
                .containsExactlyInAnyOrderElementsOf(first.seatIds());
        Hold next = redis.store.best(e, e.id() + ".a" + SEQUENCE.incrementAndGet(), "a", two, times(T0), 10,
                first.holdId()).join();
        assertThat(next.seatIds()).doesNotContainAnyElementsOf(first.seatIds());
        // no delta reaches the copy here: the swap's own answer is enough
        assertThat(hold(e, "b", first.seatIds()).seatIds()).containsExactlyInAnyOrderElementsOf(first.seatIds());
    }

    @Test
    void aSeatThisNodeRefundedIsNotRefusedFromItsCopyBeforeTheDeltaArrives() throws Exception {
        LiveEvent e = hall();
        hold(e, "a", seats("A", 1)); // the event's live state is in Redis
        long soldAt = redis.ledger.markSold(e, null, seats("C", 4)).join();
        copyFollowing(e, soldAt, "[{\"seatId\":\"HALL-C-4\",\"status\":\"SOLD\"}]"); // the seat sold
        assertThat(redis.copies.knownTaken(e.id(), seats("C", 4), T0.toEpochMilli())).containsExactly("HALL-C-4");
        redis.ledger.makeAvailable(e, SeatLedger.Marker.SOLD, seats("C", 4)).join(); // the refund
        // no delta reaches the copy here: the refund's own answer is enough
        assertThat(hold(e, "b", seats("C", 4)).seatIds()).containsExactly("HALL-C-4");
    }

    @Test
    void aCopyOfStateRedisLostIsForgottenWhenTheStateIsRebuilt() throws Exception {
        LiveEvent e = hall();
        Hold first = hold(e, "a", seats("D", 1));
        copyFollowing(e, first.version(), announced(first));
        assertThat(redis.copies.knownTaken(e.id(), seats("D", 1), T0.toEpochMilli())).containsExactly("HALL-D-1");
        // Redis loses the event (holds live nowhere else); the next hold rebuilds it from the durable record
        List<String> keys = redis.connection.sync().keys(EventKeys.prefix(e.id()) + "*");
        redis.connection.sync().del(keys.toArray(String[]::new));
        hold(e, "b", seats("D", 2));
        assertThat(redis.copies.knownTaken(e.id(), seats("D", 1), T0.toEpochMilli())).isEmpty();
        assertThat(hold(e, "c", seats("D", 1)).seatIds()).containsExactly("HALL-D-1");
    }

    @Test
    void aSnapshotAtAnUnchangedVersionReusesTheSeatsAndStillAnswersEachCallerItsOwnHolds() {
        LiveEvent e = hall();
        Hold alice = hold(e, "alice", seats("A", 1, 2));
        SeatSnapshot first = redis.store.snapshot(e, "alice", T0).join();
        SeatSnapshot again = redis.store.snapshot(e, "bob", T0).join();
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(again.held()).containsExactlyInAnyOrder("HALL-A-1", "HALL-A-2");
        assertThat(first.mine()).extracting(Hold::holdId).containsExactly(alice.holdId());
        assertThat(again.mine()).isEmpty();

        hold(e, "bob", seats("B", 3));
        SeatSnapshot changed = redis.store.snapshot(e, "bob", T0).join();
        assertThat(changed.version()).isGreaterThan(first.version());
        assertThat(changed.held()).containsExactlyInAnyOrder("HALL-A-1", "HALL-A-2", "HALL-B-3");
        assertThat(changed.mine()).extracting(Hold::seatIds).containsExactly(List.of("HALL-B-3"));
        redis.store.release(e, alice.holdId(), "alice", T0).join();
        assertThat(redis.store.snapshot(e, "alice", T0).join().held()).containsExactly("HALL-B-3");
    }

    @Test
    void aBuildTheExecutorRefusesFailsItsCallersAndTheNextOneBuildsAgain() {
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService executor = new java.util.concurrent.AbstractExecutorService() {
            @Override
            public void execute(Runnable task) {
                if (refuse.get()) {
                    throw new java.util.concurrent.RejectedExecutionException("shutting down");
                }
                task.run();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public List<Runnable> shutdownNow() {
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return false;
            }

            @Override
            public boolean isTerminated() {
                return false;
            }

            @Override
            public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
                return true;
            }
        };
        dev.curtain.server.hold.SoldAndBlockedSeats none = new dev.curtain.server.hold.SoldAndBlockedSeats() {
            @Override
            public List<String> sold(String eventId) {
                return List.of();
            }

            @Override
            public List<String> blocked(String eventId) {
                return List.of();
            }
        };
        var initializer = new dev.curtain.server.hold.redis.EventStateInitializer(redis.connection, none, executor,
                java.time.Clock.systemUTC(), new SnapshotSeats());
        LiveEvent e = hall();
        var refused = initializer.initialize(e);
        assertThat(refused).isCompletedExceptionally();
        refuse.set(false);
        initializer.initialize(e).join();
        assertThat(hold(e, "after", seats("A", 1)).seatIds()).containsExactly("HALL-A-1");
    }

    @Test
    void aCrowdArrivingAtAColdEventBuildsItsLiveStateOnce() {
        LiveEvent e = hall();
        List<java.util.concurrent.CompletableFuture<Hold>> holds = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            for (String row : List.of("A", "B", "C")) {
                holds.add(redis.store.create(e, e.id() + ".crowd" + SEQUENCE.incrementAndGet(), "crowd" + row + n,
                        seats(row, n), times(T0), 10));
            }
        }
        holds.forEach(java.util.concurrent.CompletableFuture::join);
        assertThat(redis.builds.get(e.id())).as("builds for 30 requests that found the event cold").hasValue(1);
    }

    @Test
    void rushOf500ClientsNeverHoldsASeatTwiceAndEveryRefusalNamesRealConflicts() throws Exception {
        LiveEvent e = hall();
        List<String> contended = seats("A", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        int clients = 500;
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Hold> won = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<List<String>[]> lost = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            done.add(pool.submit(() -> {
                Random random = new Random(client);
                List<String> pick = new ArrayList<>(contended);
                Collections.shuffle(pick, random);
                List<String> wanted = pick.subList(0, 1 + random.nextInt(4));
                start.await();
                try {
                    won.add(redis.store.create(e, e.id() + ".c" + client, "client-" + client, wanted, times(T0), 10).join());
                } catch (CompletionException ex) {
                    DomainException refusal = (DomainException) ex.getCause();
                    assertThat(refusal.code()).isEqualTo("SEATS_UNAVAILABLE");
                    @SuppressWarnings("unchecked")
                    List<String>[] pair = new List[]{List.copyOf(wanted), refusal.unavailable()};
                    lost.add(pair);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Set<String> taken = new HashSet<>();
        for (Hold h : won) {
            for (String seat : h.seatIds()) {
                assertThat(taken.add(seat)).as("seat %s in two live holds", seat).isTrue();
            }
            assertThat(redis.store.get(e, h.holdId(), h.holdId().replace(e.id() + ".c", "client-"), T0).join().seatIds())
                    .containsExactlyInAnyOrderElementsOf(h.seatIds());
        }
        assertThat(won.size() + lost.size()).isEqualTo(clients);
        for (List<String>[] refusal : lost) {
            assertThat(refusal[1]).isNotEmpty();
            assertThat(refusal[0]).containsAll(refusal[1]);
            assertThat(taken).containsAll(refusal[1]);
        }
        SeatSnapshot snapshot = redis.store.snapshot(e, null, T0).join();
        assertThat(snapshot.held()).containsExactlyInAnyOrderElementsOf(taken);
        assertThat(redis.connection.sync().hgetall(EventKeys.prefix(e.id()) + "held"))
                .hasSize(taken.size());
    }

    @Test
    void refusedMultiSeatHoldLeavesNothingBehind() {
        LiveEvent e = hall();
        hold(e, "alice", seats("A", 2));
        DomainException refused = refusal(() -> hold(e, "bob", seats("A", 1, 2, 3)));
        assertThat(refused.unavailable()).containsExactly("HALL-A-2");
        assertThat(redis.store.snapshot(e, "bob", T0).join().held()).containsExactly("HALL-A-2");
        assertThat(redis.store.snapshot(e, "bob", T0).join().mine()).isEmpty();
    }

    @Test
    void growAndShrinkAreAllOrNothing() {
        LiveEvent e = hall();
        Hold mine = hold(e, "alice", seats("B", 1));
        hold(e, "bob", seats("B", 3));
        DomainException refused = refusal(() -> redis.store.addSeats(e, mine.holdId(), "alice", seats("B", 2, 3), T0, 10).join());
        assertThat(refused.code()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(refused.unavailable()).containsExactly("HALL-B-3");
        assertThat(redis.store.get(e, mine.holdId(), "alice", T0).join().seatIds()).containsExactly("HALL-B-1");
        assertThat(redis.store.snapshot(e, null, T0).join().held()).doesNotContain("HALL-B-2");

        Hold grown = redis.store.addSeats(e, mine.holdId(), "alice", seats("B", 2, 4), T0, 10).join();
        assertThat(grown.seatIds()).containsExactly("HALL-B-1", "HALL-B-2", "HALL-B-4");
        assertThat(refusal(() -> redis.store.addSeats(e, mine.holdId(), "alice", seats("B", 5, 6), T0, 4).join()).code())
                .isEqualTo("TOO_MANY_SEATS");

        assertThat(redis.store.removeSeat(e, mine.holdId(), "alice", "HALL-B-2", T0).join().orElseThrow().seatIds())
                .containsExactly("HALL-B-1", "HALL-B-4");
        assertThat(refusal(() -> redis.store.removeSeat(e, mine.holdId(), "alice", "HALL-B-9", T0).join()).code())
                .isEqualTo("SEAT_NOT_IN_HOLD");
        redis.store.removeSeat(e, mine.holdId(), "alice", "HALL-B-1", T0).join();
        assertThat(redis.store.removeSeat(e, mine.holdId(), "alice", "HALL-B-4", T0).join()).isEmpty();
        assertThat(refusal(() -> redis.store.get(e, mine.holdId(), "alice", T0).join()).code()).isEqualTo("HOLD_NOT_FOUND");
    }

    @Test
    void anotherPrincipalCannotTouchYourHold() {
        LiveEvent e = hall();
        Hold mine = hold(e, "alice", seats("C", 1, 2));
        assertThat(refusal(() -> redis.store.get(e, mine.holdId(), "mallory", T0).join()).code()).isEqualTo("HOLD_NOT_FOUND");
        assertThat(refusal(() -> redis.store.extend(e, mine.holdId(), "mallory", T0, 600_000, 1_800_000).join()).code())
                .isEqualTo("HOLD_NOT_FOUND");
        assertThat(refusal(() -> redis.store.removeSeat(e, mine.holdId(), "mallory", "HALL-C-1", T0).join()).code())
                .isEqualTo("HOLD_NOT_FOUND");
        assertThat(refusal(() -> redis.store.addSeats(e, mine.holdId(), "mallory", seats("C", 3), T0, 10).join()).code())
                .isEqualTo("HOLD_NOT_FOUND");
        assertThat(refusal(() -> redis.store.release(e, mine.holdId(), "mallory", T0).join()).code()).isEqualTo("HOLD_NOT_FOUND");
        assertThat(redis.store.get(e, mine.holdId(), "alice", T0).join().seatIds()).containsExactly("HALL-C-1", "HALL-C-2");
    }

    @Test
    void extensionIsBoundedByTheMaximumLifetime() {
        LiveEvent e = hall();
        Hold h = hold(e, "alice", seats("A", 1));
        Hold extended = redis.store.extend(e, h.holdId(), "alice", T0.plusSeconds(300), 600_000, 1_800_000).join();
        assertThat(extended.expiresAt()).isEqualTo(T0.plusSeconds(900));
        Hold again = redis.store.extend(e, h.holdId(), "alice", T0.plusSeconds(800), 600_000, 1_800_000).join();
        assertThat(again.expiresAt()).isEqualTo(T0.plusSeconds(1400));
        Hold capped = redis.store.extend(e, h.holdId(), "alice", T0.plusSeconds(1300), 600_000, 1_800_000).join();
        assertThat(capped.expiresAt()).isEqualTo(T0.plusSeconds(1800));
    }

    @Test
    void liveHoldsPerPrincipalAreLimited() {
        LiveEvent e = hall();
        redis.store.create(e, e.id() + ".one", "alice", seats("A", 1), times(T0), 2).join();
        redis.store.create(e, e.id() + ".two", "alice", seats("A", 2), times(T0), 2).join();
        assertThat(refusal(() -> redis.store.create(e, e.id() + ".three", "alice", seats("A", 3), times(T0), 2).join()).code())
                .isEqualTo("TOO_MANY_HOLDS");
    }

    @Test
    void expiryIsAnnouncedExactlyOnceEvenWithTwoSweepersRacing() throws Exception {
        LiveEvent e = hall();
        ConcurrentLinkedQueue<JsonNode> deltas = new ConcurrentLinkedQueue<>();
        StatefulRedisPubSubConnection<String, String> sub = redis.client.connectPubSub();
        sub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    deltas.add(Api.JSON.readTree(message));
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        });
        sub.sync().subscribe(EventKeys.channel(e.id()));
        try {
            Hold h = hold(e, "alice", seats("A", 5, 6));
            assertThat(redis.store.expire(e.id(), T0.plusSeconds(599), 100).join()[0]).isZero();

            Instant later = T0.plusSeconds(601);
            ExecutorService two = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> sweeps = List.of(
                    two.submit(() -> { go.await(); return redis.store.expire(e.id(), later, 100).join()[0]; }),
                    two.submit(() -> { go.await(); return redis.store.expire(e.id(), later, 100).join()[0]; }));
            go.countDown();
            long expired = sweeps.get(0).get() + sweeps.get(1).get();
            two.shutdown();
            assertThat(expired).isEqualTo(1);

            Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> deltas.size() >= 2);
            Thread.sleep(200);
            List<JsonNode> available = deltas.stream()
                    .filter(d -> d.path("changes").get(0).path("status").asText().equals("AVAILABLE")).toList();
            assertThat(available).hasSize(1);
            assertThat(available.get(0).path("changes")).extracting(c -> c.path("seatId").asText())
                    .containsExactlyInAnyOrder("HALL-A-5", "HALL-A-6");
            assertThat(redis.store.snapshot(e, null, later).join().held()).isEmpty();
            assertThat(refusal(() -> redis.store.get(e, h.holdId(), "alice", later).join()).code()).isEqualTo("HOLD_NOT_FOUND");
            assertThat(deltas).extracting(d -> d.path("version").asLong()).isSorted().doesNotHaveDuplicates();
        } finally {
            sub.close();
        }
    }

    @Test
    void anExpiredButUnsweptHoldGivesWayAndIsAnnouncedOnce() {
        LiveEvent e = hall();
        hold(e, "alice", seats("B", 7));
        Instant later = T0.plusSeconds(601);
        Hold taken = redis.store.create(e, e.id() + ".bob", "bob", seats("B", 7), times(later), 10).join();
        assertThat(taken.seatIds()).containsExactly("HALL-B-7");
        assertThat(redis.store.expire(e.id(), later, 100).join()[0]).isZero();
    }

    @Test
    void anEventWithHoldsIsListedForOtherNodesSweepersAndListedAgainWithinASecondIfTheListLostIt() {
        LiveEvent e = hall();
        String owner = "u" + SEQUENCE.incrementAndGet();
        redis.store.create(e, e.id() + ".a", owner, seats("A", 1), times(T0), 10).join();
        assertThat(redis.store.eventsWithLiveState().join()).contains(e.id());

        redis.connection.sync().srem(EventKeys.LIVE_EVENTS, e.id());
        redis.store.create(e, e.id() + ".b", owner, seats("A", 2), times(T0.plusMillis(500)), 10).join();
        assertThat(redis.store.eventsWithLiveState().join()).as("told once a second, not per hold").doesNotContain(e.id());
        redis.store.create(e, e.id() + ".c", owner, seats("A", 3), times(T0.plusMillis(1000)), 10).join();
        assertThat(redis.store.eventsWithLiveState().join()).contains(e.id());
    }

    @Test
    void scriptsStillRunAfterScriptFlush() {
        LiveEvent e = hall();
        hold(e, "alice", seats("C", 9));
        redis.connection.sync().scriptFlush();
        Hold again = hold(e, "bob", seats("C", 10));
        assertThat(again.seatIds()).containsExactly("HALL-C-10");
        assertThat(redis.store.snapshot(e, null, T0).join().held()).containsExactlyInAnyOrder("HALL-C-9", "HALL-C-10");
    }

    @Test
    void lostRedisStateIsRebuiltFromTheDurableRecordBeforeAnyHold() {
        LiveEvent e = hall();
        redis.sold.put(e.id(), List.of("HALL-A-1"));
        redis.blocked.put(e.id(), List.of("HALL-A-2"));
        hold(e, "alice", seats("A", 3));
        long before = redis.store.snapshot(e, null, T0).join().version();

        redis.connection.sync().del(EventKeys.prefix(e.id()) + "init", EventKeys.prefix(e.id()) + "sold",
                EventKeys.prefix(e.id()) + "blocked", EventKeys.prefix(e.id()) + "version");
        DomainException refused = refusal(() -> hold(e, "bob", seats("A", 1, 2, 4)));
        assertThat(refused.unavailable()).containsExactlyInAnyOrder("HALL-A-1", "HALL-A-2");
        SeatSnapshot after = redis.store.snapshot(e, null, T0).join();
        assertThat(after.sold()).containsExactly("HALL-A-1");
        assertThat(after.blocked()).containsExactly("HALL-A-2");
        assertThat(after.version()).isGreaterThanOrEqualTo(before);
    }

    @Test
    void unknownHoldIsNotFound() {
        LiveEvent e = hall();
        assertThatThrownBy(() -> redis.store.release(e, e.id() + ".nothing", "alice", T0).join())
                .hasCauseInstanceOf(DomainException.class);
    }
}
