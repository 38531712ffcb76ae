package dev.curtain.server.hold.redis;

import dev.curtain.server.event.LiveEvent;
import dev.curtain.server.hold.HoldProblems;
import dev.curtain.server.hold.SeatLedger;
import dev.curtain.server.web.DomainException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

@Singleton
public class RedisSeatLedger implements SeatLedger {

    private static final LuaScript PIN = LuaScript.load("hold_pin.lua");
    private static final LuaScript CONFIRM = LuaScript.load("hold_confirm.lua");
    private static final LuaScript RELEASE = LuaScript.load("seats_release.lua");
    private static final LuaScript BLOCK = LuaScript.load("seats_block.lua");
    private static final LuaScript STATE = LuaScript.load("event_state.lua");

    private final EventScripts scripts;
    private final SnapshotSeats snapshotSeats;

    public RedisSeatLedger(EventScripts scripts, SnapshotSeats snapshotSeats) {
        this.scripts = scripts;
        this.snapshotSeats = snapshotSeats;
    }

    @Override
    public CompletableFuture<Pinned> pin(LiveEvent event, String holdId, String owner, Instant now, long pinMillis) {
        return scripts.run(event, PIN, List.of(owner, holdId, String.valueOf(now.toEpochMilli()), String.valueOf(pinMillis)))
                .thenApply(r -> switch (EventScripts.status(r)) {
                    case "OK" -> new Pinned(EventScripts.strings(r, 2), Instant.ofEpochMilli(EventScripts.number(r, 1)));
                    case "NO_HOLD", "NOT_YOURS" -> throw HoldProblems.holdNotFound(holdId);
                    case "EXPIRED" -> throw DomainException.conflict("HOLD_EXPIRED",
                            "Hold " + holdId + " has expired; its seats may have been taken. Hold the seats again.");
                    case "RELEASED" -> throw DomainException.conflict("HOLD_RELEASED", "Hold " + holdId + " was released.");
                    case "CONFIRMED" -> throw DomainException.conflict("HOLD_ALREADY_CONFIRMED",
                            "Hold " + holdId + " has already been confirmed as a booking.");
                    default -> throw new IllegalStateException("hold_pin answered " + r);
                });
    }

    @Override
    public CompletableFuture<Void> unpin(LiveEvent event, String holdId) {
        return scripts.commands().hdel(EventKeys.prefix(event.id()) + "hold:" + holdId, "pin")
                .toCompletableFuture().thenApply(n -> null);
    }

    @Override
    public CompletableFuture<Long> markSold(LiveEvent event, String holdId, List<String> seatIds) {
        List<String> args = new ArrayList<>(List.of(EventKeys.channel(event.id()), holdId == null ? "" : holdId));
        args.addAll(seatIds);
        return scripts.runIfInitialized(event.id(), CONFIRM, args).thenApply(RedisSeatLedger::version);
    }

    @Override
    public CompletableFuture<Long> makeAvailable(LiveEvent event, Marker marker, List<String> seatIds) {
        List<String> args = new ArrayList<>(List.of(EventKeys.channel(event.id()), marker == Marker.SOLD ? "sold" : "blocked"));
        args.addAll(seatIds);
        return scripts.runIfInitialized(event.id(), RELEASE, args).thenApply(RedisSeatLedger::version)
                .whenComplete((version, error) -> {
                    if (version != null && version >= 0) {
                        snapshotSeats.freed(event.id(), version);
                    }
                });
    }

    @Override
    public CompletableFuture<Long> block(LiveEvent event, List<String> seatIds, Instant now) {
        List<String> args = new ArrayList<>(List.of(EventKeys.channel(event.id()), String.valueOf(now.toEpochMilli())));
        args.addAll(seatIds);
        return scripts.run(event, BLOCK, args).thenApply(r -> switch (EventScripts.status(r)) {
            case "OK" -> EventScripts.number(r, 1);
            case "UNAVAILABLE" -> throw HoldProblems.unavailable(EventScripts.strings(r, 1));
            default -> throw new IllegalStateException("seats_block answered " + r);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<LiveState> state(LiveEvent event) {
        return scripts.run(event, STATE, List.of()).thenApply(r -> new LiveState(EventScripts.number(r, 1),
                (List<String>) r.get(2), (List<String>) r.get(3), (List<String>) r.get(4)));
    }

    @Override
    public CompletableFuture<Long> heldCount(LiveEvent event) {
        return scripts.commands().hlen(EventKeys.prefix(event.id()) + "held").toCompletableFuture();
    }

    /** NOINIT counts as done: the markers will be rebuilt from PostgreSQL, which already has the change. */
    private static long version(List<Object> r) {
        return "OK".equals(EventScripts.status(r)) ? EventScripts.number(r, 1) : -1;
    }
}
