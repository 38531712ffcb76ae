package dev.curtain.server.hold;

import dev.curtain.model.event.Event;
import dev.curtain.model.hold.BestRequest;
import dev.curtain.model.hold.Hold;
import dev.curtain.model.hold.HoldRequest;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.model.venue.Seat;
import dev.curtain.model.venue.SeatTable;
import dev.curtain.model.venue.TablePolicy;
import dev.curtain.server.db.Ids;
import dev.curtain.server.event.EventCatalog;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.web.DomainException;
import io.micrometer.core.instrument.Timer;
import dev.curtain.server.web.Futures;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The hold API's rules: which seats may be asked for, limits, sale windows, ownership. The work
 * itself is one atomic call to the {@link HoldStore}; PostgreSQL is not touched on this path.
 */
@Singleton
public class HoldService {

    private static final Pattern HOLD_ID = Pattern.compile("([a-z0-9]{1,40})\\.([a-z0-9]{12})");

    private final EventCatalog catalog;
    private final HoldStore store;
    private final HoldConfiguration config;
    private final HoldMetrics metrics;
    private final HoldSweeper sweeper;
    private final Clock clock;

    public HoldService(EventCatalog catalog, HoldStore store, HoldConfiguration config, HoldMetrics metrics,
                       HoldSweeper sweeper, Clock clock) {
        this.sweeper = sweeper;
        this.catalog = catalog;
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    public CompletableFuture<Hold> create(String eventId, String owner, HoldRequest request) {
        Timer.Sample timing = metrics.start();
        return catalog.get(eventId).thenCompose(Futures.refusing(event -> {
            Instant now = now();
            requireOnSale(event.event(), now);
            HoldStore.HoldTimes times = times(event.event(), now);
            String holdId = event.id() + "." + Ids.newId();
            int choices = (request.seatIds() != null ? 1 : 0) + (request.tableId() != null ? 1 : 0)
                    + (request.best() != null ? 1 : 0);
            if (choices != 1) {
                throw HoldProblems.invalid(null, "Ask for exactly one of seatIds, tableId or best.");
            }
            if (request.best() != null) {
                return store.best(event, holdId, owner, bestQuery(event, request.best()), times,
                        config.maxLivePerPrincipal(), null);
            }
            List<String> seats = request.tableId() != null ? tableSeats(event, request.tableId()) : seatsToHold(event, request.seatIds(), "seatIds");
            return store.create(event, holdId, owner, seats, times, config.maxLivePerPrincipal());
        })).whenComplete((hold, error) -> {
            metrics.holdAttempt(timing, hold, Futures.unwrap(error));
            if (hold != null) {
                sweeper.watch(hold.eventId());
            }
        });
    }

    /** Replaces a hold with the next best block (a different one), in one atomic step. */
    public CompletableFuture<Hold> nextBest(String holdId, String owner, BestRequest best) {
        return withHold(holdId, event -> {
            Instant now = now();
            requireOnSale(event.event(), now);
            return store.best(event, event.id() + "." + Ids.newId(), owner, bestQuery(event, best),
                    times(event.event(), now), config.maxLivePerPrincipal(), holdId);
        }).whenComplete((hold, error) -> {
            if (hold != null) {
                sweeper.watch(hold.eventId());
            }
        });
    }

    public CompletableFuture<Hold> get(String holdId, String owner) {
        return withHold(holdId, event -> store.get(event, holdId, owner, now()));
    }

    public CompletableFuture<Hold> addSeats(String holdId, String owner, List<String> seatIds) {
        return withHold(holdId, event -> store.addSeats(event, holdId, owner, seatsToHold(event, seatIds, "seatIds"),
                now(), event.event().maxSeatsPerHold()));
    }

    public CompletableFuture<Optional<Hold>> removeSeat(String holdId, String owner, String seatId) {
        return withHold(holdId, event -> {
            Seat seat = event.seats().seat(seatId);
            if (seat != null && wholeTableOnly(event, seat)) {
                throw DomainException.conflict("TABLE_SOLD_WHOLE",
                        "Seat " + seatId + " belongs to table " + seat.tableId() + ", which is sold whole only.");
            }
            return store.removeSeat(event, holdId, owner, seatId, now());
        }).whenComplete((h, e) -> {
            if (e == null && h.isEmpty()) {
                metrics.released();
            }
        });
    }

    public CompletableFuture<Hold> extend(String holdId, String owner) {
        return withHold(holdId, event -> store.extend(event, holdId, owner, now(),
                Duration.ofSeconds(event.event().holdTtlSeconds()).toMillis(),
                Duration.ofSeconds(config.maxLifetimeSeconds()).toMillis()));
    }

    public CompletableFuture<Long> release(String holdId, String owner) {
        return withHold(holdId, event -> store.release(event, holdId, owner, now()))
                .whenComplete((v, e) -> {
                    if (e == null) {
                        metrics.released();
                    }
                });
    }

    public CompletableFuture<SeatSnapshot> snapshot(String eventId, String owner) {
        return catalog.get(eventId).thenCompose(event -> store.snapshot(event, owner, now()));
    }

    /** The event of a hold id ({@code <eventId>.<random>}); anything else is a hold that does not exist. */
    private <T> CompletableFuture<T> withHold(String holdId, Function<LiveEvent, CompletableFuture<T>> work) {
        var m = holdId == null ? null : HOLD_ID.matcher(holdId);
        if (m == null || !m.matches()) {
            return Futures.refused(HoldProblems.holdNotFound(String.valueOf(holdId)));
        }
        return catalog.get(m.group(1))
                .exceptionally(e -> {
                    throw Futures.unwrap(e) instanceof DomainException d && "EVENT_NOT_FOUND".equals(d.code())
                            ? HoldProblems.holdNotFound(holdId) : new CompletionException(Futures.unwrap(e));
                })
                .thenCompose(Futures.refusing(work));
    }

    /** Millisecond precision: what Redis stores and every answer repeats. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private HoldStore.HoldTimes times(Event event, Instant now) {
        return new HoldStore.HoldTimes(now, now.plusSeconds(event.holdTtlSeconds()));
    }

    private static void requireOnSale(Event event, Instant now) {
        if (!event.onSaleAt(now)) {
            boolean early = event.onSaleFrom() != null && now.isBefore(event.onSaleFrom());
            throw DomainException.conflict("NOT_ON_SALE", "'" + event.title() + "' is not on sale "
                    + (early ? "yet: sales open at " + event.onSaleFrom() : "any more: sales closed at " + event.onSaleUntil()) + ".");
        }
    }

    private List<String> seatsToHold(LiveEvent event, List<String> requested, String field) {
        int max = event.event().maxSeatsPerHold();
        if (requested == null || requested.isEmpty()) {
            throw HoldProblems.invalid(field, "Name at least one seat.");
        }
        if (requested.size() > max) {
            throw HoldProblems.tooManySeats(max);
        }
        Set<String> unique = new LinkedHashSet<>(requested);
        if (unique.size() != requested.size()) {
            throw HoldProblems.invalid(field, "A seat is named more than once.");
        }
        List<String> unknown = new ArrayList<>();
        for (String id : unique) {
            Seat seat = id == null ? null : event.seats().seat(id);
            if (seat == null) {
                unknown.add(String.valueOf(id));
            } else if (wholeTableOnly(event, seat)) {
                throw DomainException.conflict("TABLE_SOLD_WHOLE",
                        "Seat " + id + " belongs to table " + seat.tableId() + ", which is sold whole only: hold the table.");
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(io.micronaut.http.HttpStatus.BAD_REQUEST, "UNKNOWN_SEATS",
                    "This venue has no seat " + String.join(", ", unknown) + ".", field, unknown);
        }
        return List.copyOf(unique);
    }

    private static boolean wholeTableOnly(LiveEvent event, Seat seat) {
        SeatTable table = seat.tableId() == null ? null : event.seats().table(seat.tableId());
        return table != null && table.policy() == TablePolicy.WHOLE;
    }

    private static List<String> tableSeats(LiveEvent event, String tableId) {
        SeatTable table = event.seats().table(tableId);
        if (table == null) {
            throw new DomainException(io.micronaut.http.HttpStatus.BAD_REQUEST, "UNKNOWN_TABLE",
                    "This venue has no table '" + tableId + "'.", "tableId", null);
        }
        if (table.policy() == TablePolicy.SEATS) {
            throw DomainException.conflict("TABLE_SOLD_BY_SEAT",
                    "Table " + tableId + " is sold seat by seat: hold its seats instead.");
        }
        if (table.seatIds().size() > Event.MAX_SEATS_PER_HOLD_LIMIT) {
            throw HoldProblems.tooManySeats(Event.MAX_SEATS_PER_HOLD_LIMIT);
        }
        return table.seatIds();
    }

    private static HoldStore.BestQuery bestQuery(LiveEvent event, BestRequest best) {
        if (best == null) {
            throw HoldProblems.invalid("best", "best needs a count.");
        }
        int max = event.event().maxSeatsPerHold();
        if (best.count() < 1 || best.count() > max) {
            throw HoldProblems.invalid("best.count", "best.count must be from 1 to " + max + ".");
        }
        List<String> categories = event.categoriesByPreference();
        if (best.category() != null) {
            if (!categories.contains(best.category())) {
                throw HoldProblems.invalid("best.category", "Unknown category '" + best.category() + "'; this performance has "
                        + categories + ".");
            }
            categories = List.of(best.category());
        }
        return new HoldStore.BestQuery(best.count(), categories, Boolean.TRUE.equals(best.accessible()),
                Boolean.TRUE.equals(best.allowSingleGaps()));
    }

}
