package dev.curtain.server.hold.redis;

import dev.curtain.model.hold.Hold;
import dev.curtain.model.live.SeatSnapshot;
import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.HoldProblems;
import dev.curtain.server.hold.HoldStore;
import dev.curtain.server.web.Futures;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Holds in Redis: each operation is one Lua script on the event's hash-tagged keys. */
@Singleton
public class RedisHoldStore implements HoldStore {

    private static final LuaScript CREATE = LuaScript.load("hold_create.lua");
    private static final LuaScript BEST = LuaScript.load("hold_best.lua");
    private static final LuaScript GET = LuaScript.load("hold_get.lua");
    private static final LuaScript ADD = LuaScript.load("hold_add_seats.lua");
    private static final LuaScript REMOVE = LuaScript.load("hold_remove_seat.lua");
    private static final LuaScript EXTEND = LuaScript.load("hold_extend.lua");
    private static final LuaScript RELEASE = LuaScript.load("hold_release.lua");
    private static final LuaScript SNAPSHOT = LuaScript.load("snapshot.lua");
    private static final LuaScript EXPIRE = LuaScript.load("holds_expire.lua");

    private static final long RETELL_LIVE_MILLIS = 1_000;

    private final RedisAsyncCommands<String, String> redis;
    private final EventScripts scripts;
    private final Map<String, Long> toldLive = new ConcurrentHashMap<>();
    private final SnapshotSeats snapshotSeats;

    public RedisHoldStore(EventScripts scripts, SnapshotSeats snapshotSeats) {
        this.scripts = scripts;
        this.snapshotSeats = snapshotSeats;
        this.redis = scripts.commands();
    }

    @Override
    public CompletableFuture<Hold> create(LiveEvent event, String holdId, String owner, List<String> seatIds,
                                          HoldTimes times, int maxLive) {
        List<String> taken = snapshotSeats.knownTaken(event.id(), seatIds, times.now().toEpochMilli());
        if (!taken.isEmpty()) {
            return Futures.refused(HoldProblems.unavailable(taken));
        }
        List<String> args = new ArrayList<>(List.of(EventKeys.channel(event.id()), holdId, owner,
                millis(times.now()), millis(times.expiresAt()), times.expiresAt().toString(), String.valueOf(maxLive)));
        args.addAll(seatIds);
        return run(event, CREATE, args).thenApply(r -> {
            switch (status(r)) {
                case "OK" -> {
                    trackLive(event.id(), times.now());
                    return new Hold(holdId, event.id(), List.copyOf(seatIds), times.expiresAt(), number(r, 1));
                }
                case "TOO_MANY_HOLDS" -> throw Futures.refusal(HoldProblems.tooManyHolds(maxLive));
                case "UNAVAILABLE" -> throw Futures.refusal(HoldProblems.unavailable(strings(r, 1)));
                default -> throw unexpected(CREATE, r);
            }
        });
    }

    @Override
    public CompletableFuture<Hold> best(LiveEvent event, String holdId, String owner, BestQuery query, HoldTimes times,
                                        int maxLive, String replaceHoldId) {
        var sweet = event.seats().sweetSpot();
        List<String> args = new ArrayList<>(List.of(EventKeys.channel(event.id()), holdId, owner,
                millis(times.now()), millis(times.expiresAt()), times.expiresAt().toString(), String.valueOf(maxLive),
                String.valueOf(query.count()), String.valueOf(sweet.x()), String.valueOf(sweet.y()),
                flag(query.accessible()), flag(query.allowSingleGaps()), replaceHoldId == null ? "" : replaceHoldId));
        args.addAll(query.categories());
        return run(event, BEST, args).thenApply(r -> {
            switch (status(r)) {
                case "OK" -> {
                    trackLive(event.id(), times.now());
                    if (replaceHoldId != null) {
                        freed(event, r); // the replaced hold's seats
                    }
                    return new Hold(holdId, event.id(), strings(r, 2), times.expiresAt(), number(r, 1));
                }
                case "TOO_MANY_HOLDS" -> throw Futures.refusal(HoldProblems.tooManyHolds(maxLive));
                case "NO_BLOCK" -> throw Futures.refusal(HoldProblems.noBlock(query.count()));
                case "NO_HOLD" -> throw Futures.refusal(HoldProblems.holdNotFound(replaceHoldId));
                default -> throw unexpected(BEST, r);
            }
        });
    }

    @Override
    public CompletableFuture<Hold> get(LiveEvent event, String holdId, String owner, Instant now) {
        return run(event, GET, List.of(owner, holdId, millis(now))).thenApply(r -> switch (status(r)) {
            case "OK" -> new Hold(holdId, event.id(), strings(r, 3), Instant.ofEpochMilli(number(r, 1)), number(r, 2));
            case "NO_HOLD" -> throw Futures.refusal(HoldProblems.holdNotFound(holdId));
            default -> throw unexpected(GET, r);
        });
    }

    @Override
    public CompletableFuture<Hold> addSeats(LiveEvent event, String holdId, String owner, List<String> seatIds,
                                            Instant now, int maxSeats) {
        List<String> args = new ArrayList<>(List.of(EventKeys.channel(event.id()), holdId, owner, millis(now),
                String.valueOf(maxSeats)));
        args.addAll(seatIds);
        return run(event, ADD, args).thenCompose(r -> switch (status(r)) {
            case "OK" -> get(event, holdId, owner, now);
            case "NO_HOLD" -> Futures.refused(HoldProblems.holdNotFound(holdId));
            case "TOO_MANY_SEATS" -> Futures.refused(HoldProblems.tooManySeats(maxSeats));
            case "UNAVAILABLE" -> Futures.refused(HoldProblems.unavailable(strings(r, 1)));
            default -> CompletableFuture.failedFuture(unexpected(ADD, r));
        });
    }

    @Override
    public CompletableFuture<Optional<Hold>> removeSeat(LiveEvent event, String holdId, String owner, String seatId,
                                                        Instant now) {
        return run(event, REMOVE, List.of(EventKeys.channel(event.id()), holdId, owner, millis(now), seatId))
                .thenCompose(r -> switch (status(r)) {
                    case "OK" -> freed(event, r).size() > 2
                            ? get(event, holdId, owner, now).thenApply(Optional::of)
                            : CompletableFuture.completedFuture(Optional.<Hold>empty());
                    case "NO_HOLD" -> Futures.refused(HoldProblems.holdNotFound(holdId));
                    case "NOT_IN_HOLD" -> Futures.refused(HoldProblems.seatNotInHold(seatId));
                    default -> CompletableFuture.failedFuture(unexpected(REMOVE, r));
                });
    }

    @Override
    public CompletableFuture<Hold> extend(LiveEvent event, String holdId, String owner, Instant now, long ttlMillis,
                                          long maxLifetimeMillis) {
        return run(event, EXTEND, List.of(owner, holdId, millis(now), String.valueOf(ttlMillis),
                String.valueOf(maxLifetimeMillis))).thenApply(r -> switch (status(r)) {
            case "OK" -> new Hold(holdId, event.id(), strings(r, 3), Instant.ofEpochMilli(number(r, 1)), number(r, 2));
            case "NO_HOLD" -> throw Futures.refusal(HoldProblems.holdNotFound(holdId));
            default -> throw unexpected(EXTEND, r);
        });
    }

    @Override
    public CompletableFuture<Long> release(LiveEvent event, String holdId, String owner, Instant now) {
        return run(event, RELEASE, List.of(EventKeys.channel(event.id()), holdId, owner, millis(now)))
                .thenApply(r -> switch (status(r)) {
                    case "OK" -> number(freed(event, r), 1);
                    case "NO_HOLD" -> throw Futures.refusal(HoldProblems.holdNotFound(holdId));
                    default -> throw unexpected(RELEASE, r);
                });
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<SeatSnapshot> snapshot(LiveEvent event, String owner, Instant now) {
        SnapshotSeats.Seats known = snapshotSeats.get(event.id());
        return run(event, SNAPSHOT, List.of(owner == null ? "" : owner, millis(now),
                known == null ? "" : known.state())).thenApply(r -> {
            long version = number(r, 1);
            SnapshotSeats.Seats seats;
            List<Object> mineRows;
            if ("SAME".equals(status(r))) { // only an answer to the state we sent: known is that state
                seats = known;
                mineRows = (List<Object>) r.get(2);
            } else {
                seats = new SnapshotSeats.Seats((String) r.get(6), version, (List<String>) r.get(2),
                        (List<String>) r.get(3), (List<String>) r.get(4));
                snapshotSeats.put(event.id(), seats);
                mineRows = (List<Object>) r.get(5);
            }
            List<Hold> mine = new ArrayList<>();
            for (Object entry : mineRows) {
                List<Object> h = (List<Object>) entry;
                mine.add(new Hold((String) h.get(0), event.id(), strings(h, 2),
                        Instant.ofEpochMilli(Long.parseLong((String) h.get(1))), version));
            }
            return new SeatSnapshot("snapshot", event.id(), version, seats.held(), seats.sold(), seats.blocked(), mine);
        });
    }

    @Override
    public CompletableFuture<long[]> expire(String eventId, Instant now, int limit) {
        return EXPIRE.call(redis, EventKeys.scriptKeys(eventId), EventKeys.channel(eventId), millis(now),
                String.valueOf(limit)).thenApply(r -> new long[]{(Long) r.get(0), (Long) r.get(1)});
    }

    @Override
    public CompletableFuture<List<String>> eventsWithLiveState() {
        return redis.smembers(EventKeys.LIVE_EVENTS).toCompletableFuture().thenApply(List::copyOf);
    }

    /**
     * Fire and forget: the set only guides sweepers on other nodes; this node already knows. Told
     * again at most once a second per event rather than after every hold (it was one Redis command
     * in two of every hold), which still mends a set that lost the event within a second.
     */
    private void trackLive(String eventId, Instant now) {
        long at = now.toEpochMilli();
        Long last = toldLive.get(eventId);
        if (last == null || at - last >= RETELL_LIVE_MILLIS || at < last) {
            toldLive.put(eventId, at);
            redis.sadd(EventKeys.LIVE_EVENTS, eventId);
        }
    }

    /** An answer {@code {'OK', version, …}} of a script that freed seats, told to the copy. */
    private List<Object> freed(LiveEvent event, List<Object> r) {
        snapshotSeats.freed(event.id(), number(r, 1));
        return r;
    }

    private CompletableFuture<List<Object>> run(LiveEvent event, LuaScript script, List<String> args) {
        return scripts.run(event, script, args);
    }

    private static String status(List<Object> r) {
        return EventScripts.status(r);
    }

    private static long number(List<Object> r, int index) {
        return EventScripts.number(r, index);
    }

    private static List<String> strings(List<Object> r, int from) {
        return EventScripts.strings(r, from);
    }

    private static String millis(Instant t) {
        return String.valueOf(t.toEpochMilli());
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }

    private static IllegalStateException unexpected(LuaScript script, List<Object> r) {
        return new IllegalStateException(script.name() + " answered " + r);
    }
}
