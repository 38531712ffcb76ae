package dev.curtain.model.live;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A client's copy of an event's seat states, kept from a snapshot and the deltas after it. It
 * refuses to guess: a delta that does not follow the last applied version is reported as a gap,
 * and the client must resynchronise (ask for a snapshot). Not thread-safe; confine it to one
 * thread.
 */
public final class LiveSeatState {

    /** What applying a delta did. */
    public enum Outcome {
        /** Applied; the state is at the delta's version. */
        APPLIED,
        /** Older than the state (already contained in a snapshot): ignored. */
        STALE,
        /** Versions were missed, or no snapshot yet: resynchronise. */
        GAP
    }

    private final Map<String, SeatStatus> statuses = new HashMap<>();
    private final Map<String, String> holds = new HashMap<>();
    private long version = -1;

    public void apply(SeatSnapshot snapshot) {
        statuses.clear();
        holds.clear();
        snapshot.held().forEach(id -> statuses.put(id, SeatStatus.HELD));
        snapshot.sold().forEach(id -> statuses.put(id, SeatStatus.SOLD));
        snapshot.blocked().forEach(id -> statuses.put(id, SeatStatus.BLOCKED));
        if (snapshot.mine() != null) {
            snapshot.mine().forEach(h -> h.seatIds().forEach(id -> holds.put(id, h.holdId())));
        }
        version = snapshot.version();
    }

    public Outcome apply(SeatDelta delta) {
        if (version < 0 || delta.version() > version + 1) {
            return Outcome.GAP;
        }
        if (delta.version() <= version) {
            return Outcome.STALE;
        }
        for (SeatChange change : delta.changes()) {
            if (change.status() == SeatStatus.AVAILABLE) {
                statuses.remove(change.seatId());
            } else {
                statuses.put(change.seatId(), change.status());
            }
            if (change.status() == SeatStatus.HELD && change.holdId() != null) {
                holds.put(change.seatId(), change.holdId());
            } else {
                holds.remove(change.seatId());
            }
        }
        version = delta.version();
        return Outcome.APPLIED;
    }

    /** A heartbeat names the event's current version; being behind it means a delta was missed. */
    public boolean isBehind(long currentVersion) {
        return version < currentVersion;
    }

    public long version() {
        return version;
    }

    public SeatStatus status(String seatId) {
        return statuses.getOrDefault(seatId, SeatStatus.AVAILABLE);
    }

    /** The hold a HELD seat belongs to, where known (own holds and holds seen in deltas). */
    public String holdOf(String seatId) {
        return holds.get(seatId);
    }

    public Set<String> seatsIn(SeatStatus status) {
        Set<String> out = new TreeSet<>();
        statuses.forEach((id, s) -> {
            if (s == status) {
                out.add(id);
            }
        });
        return Collections.unmodifiableSet(out);
    }
}
