package dev.curtain.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.curtain.server.hold.redis.EventKeys;
import dev.curtain.server.hold.redis.SnapshotSeats;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateAdapter;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays every seat delta published in Redis (by any node's Lua scripts) to this node's live
 * subscribers. One pub/sub connection per node delivers messages in publish order.
 */
@Context
public class DeltaRelay {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaRelay.class);

    private final StatefulRedisPubSubConnection<String, String> connection;

    public DeltaRelay(RedisClient client, LiveHub hub, SnapshotSeats snapshotSeats, ObjectMapper json) {
        this.connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                try {
                    JsonNode delta = json.readTree(message);
                    long version = delta.path("version").asLong();
                    String eventId = EventKeys.eventIdOfChannel(channel);
                    snapshotSeats.apply(eventId, version, delta.path("changes"));
                    hub.delta(eventId, version, message);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("event=delta_unreadable channel={} error={}", channel, e.toString());
                }
            }
        });
        // Messages published while the connection is down are lost: the copies they would have moved
        // must not refuse holds (SnapshotSeats.knownTaken), so they go, and snapshots read them again.
        client.addListener(new RedisConnectionStateAdapter() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                forgetCopiesOf(handler);
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                forgetCopiesOf(handler);
            }

            private void forgetCopiesOf(RedisChannelHandler<?, ?> handler) {
                if (handler == connection) {
                    snapshotSeats.clear();
                }
            }
        });
        connection.sync().psubscribe(EventKeys.CHANNEL_PATTERN);
    }

    @PreDestroy
    void close() {
        connection.close();
    }
}
