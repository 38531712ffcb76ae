package dev.curtain.server.hold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.model.hold.Hold;
import dev.curtain.model.venue.Category;
import dev.curtain.model.venue.Point;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.Venue;
import dev.curtain.model.venue.VenueKind;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.HoldStore.BestQuery;
import dev.curtain.server.hold.HoldStore.HoldTimes;
import dev.curtain.server.hold.redis.EventKeys;
import dev.curtain.server.testing.RedisFixture;
import dev.curtain.server.web.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Best available, table-driven. Rows are drawn from a plan string, one character per seat
 * position: '.' free, 'x' taken, 'a' accessible space, '|' an aisle. Seat numbers count
 * seats only (aisles are not seats). The sweet spot sits above seat {@code sweet} of row A.
 */
class BestAvailableTest {

    private static final Instant T0 = Instant.parse("2030-01-01T18:00:00Z");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static RedisFixture redis;

    @BeforeAll
    static void connect() {
        redis = new RedisFixture();
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    /** One row per plan; seat n of a row sits at x = 12n (aisles add 12 more), y = 20 * row. */
    static LiveEvent house(double sweetSeat, String... plans) {
        List<Seat> seats = new ArrayList<>();
        double maxX = 0;
        for (int r = 0; r < plans.length; r++) {
            String row = String.valueOf((char) ('A' + r));
            int number = 0;
            double x = 12;
            for (char c : plans[r].toCharArray()) {
                if (c != '|') {
                    number++;
                    String category = Character.isUpperCase(c) ? "STANDARD" : "PREMIUM";
                    seats.add(new Seat(row + "-" + number, "S", row, number, x, 20 + r * 20, 10, 10, category,
                            Character.toLowerCase(c) == 'a', false, null));
                }
                x += 12;
                maxX = Math.max(maxX, x);
            }
        }
        Venue venue = new Venue("best", "Best", VenueKind.THEATRE, maxX + 20, 40 + plans.length * 20,
                new Point(12 * sweetSeat + 5, 0),
                List.of(new Category("PREMIUM", "Premium", "#111111"), new Category("STANDARD", "Standard", "#222222")),
                seats, List.of(), List.of());
        LiveEvent event = RedisFixture.event(venue, 10);
        // Occupy the seats the plans mark taken.
        for (int r = 0; r < plans.length; r++) {
            int number = 0;
            for (char c : plans[r].toCharArray()) {
                if (c != '|') {
                    number++;
                    if (Character.toLowerCase(c) == 'x') {
                        String id = (char) ('A' + r) + "-" + number;
                        redis.store.create(event, event.id() + ".t" + SEQUENCE.incrementAndGet(), "someone-else",
                                List.of(id), times(), 1000).join();
                    }
                }
            }
        }
        return event;
    }

    private static HoldTimes times() {
        return new HoldTimes(T0, T0.plusSeconds(600));
    }

    static CompletableFuture<Hold> best(LiveEvent e, int count, String category, boolean accessible, boolean gaps) {
        List<String> categories = category == null ? e.categoriesByPreference() : List.of(category);
        return redis.store.best(e, e.id() + ".b" + SEQUENCE.incrementAndGet(), "buyer" + SEQUENCE.incrementAndGet(),
                new BestQuery(count, categories, accessible, gaps), times(), 10, null);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("empty row: the block nearest the sweet spot", 5.5, new String[]{".........."}, 2, null, false, false, List.of("A-5", "A-6")),
                Arguments.of("front row preferred when equally central", 5.5, new String[]{"..........", ".........."}, 2, null, false, false, List.of("A-5", "A-6")),
                Arguments.of("single empty seat beside a taken seat is avoided", 3.4, new String[]{"x......"}, 2, null, false, false, List.of("A-2", "A-3")),
                Arguments.of("single gaps allowed when the clerk says so", 3.4, new String[]{"x......"}, 2, null, false, true, List.of("A-3", "A-4")),
                Arguments.of("single empty seat beside an aisle is avoided", 4.4, new String[]{"....|...."}, 2, null, false, false, List.of("A-3", "A-4")),
                Arguments.of("a block never spans an aisle", 4.5, new String[]{"....|...."}, 2, null, false, true, List.of("A-3", "A-4")),
                Arguments.of("only choice strands a seat: still offered", 2.5, new String[]{"x..."}, 2, null, false, false, List.of("A-2", "A-3")),
                Arguments.of("accessible spaces are skipped unless asked", 5.0, new String[]{"...aa...."}, 2, null, false, false, List.of("A-6", "A-7")),
                Arguments.of("accessible spaces when asked", 2.0, new String[]{"...aa...."}, 2, null, true, false, List.of("A-4", "A-5")),
                Arguments.of("requested category only", 2.0, new String[]{"....", "SSSS"}, 2, "STANDARD", false, false, List.of("B-1", "B-2")),
                Arguments.of("best category with room comes first", 2.0, new String[]{"SSSS", "...."}, 2, null, false, false, List.of("B-1", "B-2")),
                Arguments.of("next category when the best is full", 2.0, new String[]{"xx.x", "SSSS"}, 2, null, false, false, List.of("B-1", "B-2")),
                Arguments.of("taken seats split runs; no seat stranded", 5.5, new String[]{"....xx....", ".........."}, 2, null, false, false, List.of("A-3", "A-4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bestBlock(String name, double sweet, String[] plans, int count, String category, boolean accessible,
                   boolean gaps, List<String> expected) {
        LiveEvent e = house(sweet, plans);
        assertThat(best(e, count, category, accessible, gaps).join().seatIds()).containsExactlyElementsOf(expected);
    }

    @Test
    void seatsOfAnExpiredHoldAreOfferedUnlessAConfirmHasPinnedIt() {
        LiveEvent e = house(1.5, "..", "..");
        String pinned = e.id() + ".p" + SEQUENCE.incrementAndGet();
        String lapsed = e.id() + ".l" + SEQUENCE.incrementAndGet();
        redis.store.create(e, pinned, "payer", List.of("A-1", "A-2"), times(), 10).join();
        redis.store.create(e, lapsed, "walker", List.of("B-1", "B-2"), times(), 10).join();
        Instant later = T0.plusSeconds(700); // both holds expired at T0 + 600, not swept yet
        // a confirm under way pins its hold past the expiry (hold_pin.lua)
        redis.connection.sync().hset(EventKeys.prefix(e.id()) + "hold:" + pinned, "pin",
                String.valueOf(later.plusSeconds(30).toEpochMilli()));
        Hold taken = redis.store.best(e, e.id() + ".b" + SEQUENCE.incrementAndGet(), "buyer",
                new BestQuery(2, e.categoriesByPreference(), false, false), new HoldTimes(later, later.plusSeconds(600)),
                10, null).join();
        assertThat(taken.seatIds()).containsExactly("B-1", "B-2");
    }

    @Test
    void noRoomIsAConflict() {
        LiveEvent e = house(2, "x.x.");
        DomainException refused = refusal(best(e, 2, null, false, false));
        assertThat(refused.code()).isEqualTo("NO_BLOCK_AVAILABLE");
    }

    @Test
    void twoConcurrentRequestsForTheLastBlockNeverOverlap() {
        for (int round = 0; round < 20; round++) {
            LiveEvent e = house(3, "xx..xx");
            CompletableFuture<Hold> one = best(e, 2, null, false, false);
            CompletableFuture<Hold> two = best(e, 2, null, false, false);
            List<Hold> won = new ArrayList<>();
            int refused = 0;
            for (CompletableFuture<Hold> f : List.of(one, two)) {
                try {
                    won.add(f.join());
                } catch (CompletionException ex) {
                    assertThat(((DomainException) ex.getCause()).code()).isEqualTo("NO_BLOCK_AVAILABLE");
                    refused++;
                }
            }
            assertThat(won).hasSize(1);
            assertThat(refused).isEqualTo(1);
            assertThat(won.get(0).seatIds()).containsExactly("A-3", "A-4");
        }
    }

    @Test
    void nextBestIsADifferentBlockAndReleasesTheFirst() {
        LiveEvent e = house(5.5, "..........");
        String owner = "clerk";
        Hold first = redis.store.best(e, e.id() + ".first", owner, new BestQuery(2, e.categoriesByPreference(), false, false),
                times(), 10, null).join();
        Hold next = redis.store.best(e, e.id() + ".next", owner, new BestQuery(2, e.categoriesByPreference(), false, false),
                times(), 10, first.holdId()).join();
        assertThat(first.seatIds()).containsExactly("A-5", "A-6");
        assertThat(next.seatIds()).doesNotContainAnyElementsOf(first.seatIds());
        assertThat(redis.store.snapshot(e, owner, T0).join().held()).containsExactlyInAnyOrderElementsOf(next.seatIds());
        assertThat(refusal(redis.store.get(e, first.holdId(), owner, T0)).code()).isEqualTo("HOLD_NOT_FOUND");
    }

    @Test
    void arenaSizedSearchFindsCentralSeatsQuickly() {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 100; r++) {
            rows.add(".".repeat(100));
        }
        LiveEvent e = house(50.5, rows.toArray(String[]::new));
        Hold h = best(e, 4, null, false, false).join();
        assertThat(h.seatIds()).containsExactly("A-49", "A-50", "A-51", "A-52");
    }

    private static DomainException refusal(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException ex) {
            return (DomainException) ex.getCause();
        }
        throw new AssertionError("expected a refusal");
    }
}
