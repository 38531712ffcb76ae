package dev.curtain.server.live;

import dev.curtain.server.hold.redis.EventKeys;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Every few seconds each subscriber hears the event's current version. A subscriber whose last
 * delta is older learns that it missed one (for example while this node's pub/sub link was down)
 * and resynchronises; sessions that have gone away are dropped.
 */
@Singleton
public class LiveHeartbeat {

    private final LiveHub hub;
    private final StatefulRedisConnection<String, String> redis;

    public LiveHeartbeat(LiveHub hub, StatefulRedisConnection<String, String> redis) {
        this.hub = hub;
        this.redis = redis;
    }

    @Scheduled(fixedDelay = "${curtain.live.heartbeat-seconds:10}s", initialDelay = "5s")
    void beat() {
        for (String eventId : hub.eventsWithSessions()) {
            redis.async().get(EventKeys.prefix(eventId) + "version").thenAccept(version -> {
                String message = "{\"type\":\"heartbeat\",\"eventId\":\"" + eventId + "\",\"version\":"
                        + (version == null ? 0 : Long.parseLong(version)) + "}";
                for (LiveSession session : hub.sessionsOf(eventId)) {
                    if (session.isOpen()) {
                        session.sendNow(message);
                    } else {
                        hub.leave(session);
                    }
                }
            });
        }
    }
}
