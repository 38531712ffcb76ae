package dev.curtain.server.hold.redis;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's copy of the unavailable seats of recently read events, kept at the event's version.
 * A snapshot reads every held, sold and blocked seat from Redis once (for 80,000 held seats about
 * 40 ms of Redis time); after that each delta, relayed in publish order, moves the copy to its
 * version, so later snapshots only ask Redis whether the version is still the copy's. Every change
 * of those seats publishes a delta with the next version, so a version names one state; a gap
 * (a missed message, an event rebuilt after a Redis loss) drops the copy and the next snapshot
 * reads everything again.
 *
 * <p>The copy also lets a hold request for seats this node already knows to be taken be refused
 * without a trip to Redis ({@link #knownTaken}): in an on-sale rush most requests are for seats
 * taken a moment ago, and each refused one cost Redis and the node as much as a granted hold. A
 * copy refuses only while it is known to follow the delta stream: once it has applied a delta in
 * step (a copy read from Redis may have missed one published while the read was under way), not
 * before it has reached a version this node freed seats at, and as long as {@link #check} finds
 * it in line with Redis ({@link SnapshotSeatsAudit}).
 */
@Singleton
public class SnapshotSeats {

    /**
     * The unavailable seats of an event at one version of one build of its live state (the value of
     * its init key: a state rebuilt after a Redis loss starts a new build); the lists are never changed.
     */
    public record Seats(String build, long version, List<String> held, List<String> sold, List<String> blocked) {

        /** What the snapshot script compares with the event's state. */
        public String state() {
            return build + ":" + version;
        }
    }

    static final int EVENTS_KEPT = 64;
    /** Seats over all copies (about 60 bytes each): the least recently read events go first. */
    static final int SEATS_KEPT = 1_000_000;

    /** Event -> the version of the last change by which this node freed seats (a copy must reach it to refuse). */
    private final Map<String, Long> freedAt = new ConcurrentHashMap<>();

    private final Map<String, Copy> events = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Copy> eldest) {
            return size() > EVENTS_KEPT;
        }
    });

    /** The copy of the event's seats at its version, or null when there is none. */
    public Seats get(String eventId) {
        Copy copy = events.get(eventId);
        return copy == null ? null : copy.seats();
    }

    /** Seats just read from Redis: they replace the copy unless the copy is of the same build and newer. */
    public void put(String eventId, Seats read) {
        synchronized (events) {
            Copy kept = events.compute(eventId, (id, copy) -> copy != null && copy.build.equals(read.build())
                    && copy.version() >= read.version() ? copy : new Copy(read));
            int seats = events.values().stream().mapToInt(Copy::size).sum();
            var eldest = events.values().iterator();
            while (seats > SEATS_KEPT && eldest.hasNext()) {
                Copy gone = eldest.next();
                if (gone != kept) {
                    seats -= gone.size();
                    eldest.remove();
                }
            }
        }
    }

    /** A delta of the event's seats ({@code changes}: seatId and status each), in publish order. */
    public void apply(String eventId, long version, JsonNode changes) {
        Copy copy = events.get(eventId);
        if (copy != null && !copy.apply(version, changes)) {
            events.remove(eventId, copy);
        }
    }

    /**
     * The seats of {@code seatIds} that this node's copy shows as taken at {@code nowMillis}: sold,
     * blocked, or held by a hold whose delta said it lasts past now. Without a copy that may refuse
     * (see the class comment), none. Only Redis decides that a seat is free; this may only refuse
     * sooner, and it can be behind Redis by the time a delta takes to arrive (a seat another node
     * released a moment ago may still be named here). A hold whose end no delta told (one read from
     * Redis, seats added to a hold) is left to Redis, as is one past the end its delta told
     * (extensions publish nothing).
     */
    public List<String> knownTaken(String eventId, List<String> seatIds, long nowMillis) {
        Copy copy = events.get(eventId);
        return copy == null ? List.of() : copy.taken(seatIds, nowMillis, freedAt.getOrDefault(eventId, 0L));
    }

    /**
     * This node freed seats of the event in the change of {@code version} (a release, a refund, an
     * unblock): the copy refuses nothing until it has that change, so the node never refuses a seat
     * it has just freed itself.
     */
    public void freed(String eventId, long version) {
        freedAt.merge(eventId, version, Math::max);
    }

    /**
     * Forgets what {@link #freed} recorded where it no longer matters: the event's copy has the
     * change, or there is no copy (a read under way when the seats were freed has long ended when
     * the audit runs). Keeps the record from growing with every event seats were ever freed of.
     */
    public void pruneFreed() {
        freedAt.entrySet().removeIf(e -> {
            Copy copy = peek(e.getKey());
            return copy == null || copy.version() >= e.getValue();
        });
    }

    /** The event's copy without making it the most recently read (the audit must not keep copies alive). */
    private Copy peek(String eventId) {
        synchronized (events) {
            for (Map.Entry<String, Copy> e : events.entrySet()) {
                if (e.getKey().equals(eventId)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }

    /** A copy as {@link SnapshotSeatsAudit} compares it with Redis. */
    public record Kept(String eventId, String build, long version) {
    }

    public List<Kept> copies() {
        synchronized (events) {
            List<Kept> out = new ArrayList<>(events.size());
            events.forEach((eventId, copy) -> out.add(new Kept(eventId, copy.build, copy.version())));
            return out;
        }
    }

    /**
     * Compares the event's copy with its state in Redis (build and version, {@code build} null when
     * Redis has none). The copy goes when Redis has another build (or none), or when the copy is
     * still below the version Redis had at the previous check: deltas arrive within milliseconds,
     * so it has missed one that no later delta revealed as a gap.
     */
    public void check(String eventId, String build, long redisVersion) {
        Copy copy = peek(eventId);
        if (copy != null && !copy.inLineWith(build, redisVersion)) {
            events.remove(eventId, copy);
        }
    }

    /** Forgets every copy: deltas may have been missed (the pub/sub connection dropped). */
    public void clear() {
        events.clear();
    }

    /** Forgets the event's copy: its state in Redis was rebuilt. */
    public void forget(String eventId) {
        events.remove(eventId);
    }

    /** The mutable copy; the lists of a version are made once, when a snapshot first asks for them. */
    private static final class Copy {
        private final String build;
        private long version;
        private final Set<String> held;
        private final Set<String> sold;
        private final Set<String> blocked;
        /** Seat -> end of its hold (epoch ms), for holds announced by a delta. */
        private final Map<String, Long> heldUntil = new HashMap<>();
        private Seats made;
        /** A delta was applied in step: the copy follows the stream from its version on. */
        private boolean inStep;
        /** The version Redis had at the last check, or -1. */
        private long redisVersionSeen = -1;

        Copy(Seats read) {
            build = read.build();
            version = read.version();
            held = new LinkedHashSet<>(read.held());
            sold = new LinkedHashSet<>(read.sold());
            blocked = new LinkedHashSet<>(read.blocked());
            made = read;
        }

        synchronized long version() {
            return version;
        }

        synchronized int size() {
            return held.size() + sold.size() + blocked.size();
        }

        synchronized Seats seats() {
            if (made == null) {
                made = new Seats(build, version, List.copyOf(held), List.copyOf(sold), List.copyOf(blocked));
            }
            return made;
        }

        /** False when the delta does not follow this copy's version (a gap): the copy is no longer true. */
        synchronized boolean apply(long deltaVersion, JsonNode changes) {
            if (deltaVersion <= version) {
                return true; // already in the copy (read after the delta was published)
            }
            if (deltaVersion != version + 1) {
                return false;
            }
            for (JsonNode change : changes) {
                String seat = change.path("seatId").asText();
                switch (change.path("status").asText()) {
                    case "HELD" -> {
                        held.add(seat);
                        heldUntil.put(seat, endOf(change));
                    }
                    case "SOLD" -> {
                        held.remove(seat);
                        heldUntil.remove(seat);
                        blocked.remove(seat);
                        sold.add(seat);
                    }
                    case "BLOCKED" -> blocked.add(seat);
                    case "AVAILABLE" -> {
                        held.remove(seat);
                        heldUntil.remove(seat);
                        sold.remove(seat);
                        blocked.remove(seat);
                    }
                    default -> {
                        return false;
                    }
                }
            }
            version = deltaVersion;
            made = null;
            inStep = true;
            return true;
        }

        synchronized boolean inLineWith(String redisBuild, long redisVersion) {
            if (!build.equals(redisBuild) || redisVersionSeen >= 0 && version < redisVersionSeen) {
                return false;
            }
            redisVersionSeen = redisVersion;
            return true;
        }

        synchronized List<String> taken(List<String> seatIds, long nowMillis, long mustReach) {
            if (!inStep || version < mustReach) {
                return List.of();
            }
            List<String> taken = null;
            for (String seat : seatIds) {
                Long until = heldUntil.get(seat);
                if (sold.contains(seat) || blocked.contains(seat) || until != null && until > nowMillis) {
                    if (taken == null) {
                        taken = new ArrayList<>();
                    }
                    taken.add(seat);
                }
            }
            return taken == null ? List.of() : taken;
        }

        /** The end of a held seat's hold as its delta tells it; none known is already past. */
        private static long endOf(JsonNode change) {
            try {
                return Instant.parse(change.path("expiresAt").asText()).toEpochMilli();
            } catch (DateTimeParseException e) {
                return 0;
            }
        }
    }
}
