package dev.curtain.server.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** This node's live subscribers, by event, and the fan-out of deltas to them. */
@Singleton
public class LiveHub {

    private final Map<String, Set<LiveSession>> byEvent = new ConcurrentHashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final Counter deltasSent;

    public LiveHub(MeterRegistry registry) {
        Gauge.builder("curtain.live.sessions", sessions, AtomicInteger::get)
                .description("Open live seat-map WebSocket sessions").register(registry);
        this.deltasSent = Counter.builder("curtain.live.deltas.sent")
                .description("Seat deltas sent to WebSocket subscribers").register(registry);
    }

    void join(LiveSession session) {
        if (byEvent.computeIfAbsent(session.eventId(), k -> ConcurrentHashMap.newKeySet()).add(session)) {
            sessions.incrementAndGet();
        }
    }

    void leave(LiveSession session) {
        Set<LiveSession> set = byEvent.get(session.eventId());
        if (set != null && set.remove(session)) {
            sessions.decrementAndGet();
        }
    }

    /** Called in publish order for each event (one pub/sub connection delivers sequentially). */
    public void delta(String eventId, long version, String json) {
        Set<LiveSession> set = byEvent.get(eventId);
        if (set == null) {
            return;
        }
        ByteBuf encoded = Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8));
        try {
            for (LiveSession s : set) {
                s.deliver(version, json, encoded);
            }
        } finally {
            encoded.release();
        }
        deltasSent.increment(set.size());
    }

    List<String> eventsWithSessions() {
        return byEvent.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    Set<LiveSession> sessionsOf(String eventId) {
        return byEvent.getOrDefault(eventId, Set.of());
    }

    public int sessionCount() {
        return sessions.get();
    }
}
