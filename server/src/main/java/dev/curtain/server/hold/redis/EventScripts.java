package dev.curtain.server.hold.redis;

import dev.curtain.server.event.LiveEvent;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an event's scripts on the node's one shared Lettuce connection (commands of concurrent
 * requests are pipelined on it). When Redis has lost the event's state, it is rebuilt from
 * PostgreSQL and the script runs again.
 */
@Singleton
public class EventScripts {

    private final RedisAsyncCommands<String, String> redis;
    private final EventStateInitializer initializer;

    public EventScripts(StatefulRedisConnection<String, String> connection, EventStateInitializer initializer) {
        this.redis = connection.async();
        this.initializer = initializer;
    }

    public CompletableFuture<List<Object>> run(LiveEvent event, LuaScript script, List<String> args) {
        String[] keys = EventKeys.scriptKeys(event.id());
        String[] argv = args.toArray(String[]::new);
        return script.call(redis, keys, argv).thenCompose(r -> "NOINIT".equals(status(r))
                ? initializer.initialize(event).thenCompose(v -> script.call(redis, keys, argv))
                : CompletableFuture.completedFuture(r));
    }

    /** Runs without rebuilding: for scripts whose effect the rebuild from PostgreSQL already covers. */
    public CompletableFuture<List<Object>> runIfInitialized(String eventId, LuaScript script, List<String> args) {
        return script.call(redis, EventKeys.scriptKeys(eventId), args.toArray(String[]::new));
    }

    public RedisAsyncCommands<String, String> commands() {
        return redis;
    }

    static String status(List<Object> r) {
        return (String) r.get(0);
    }

    static long number(List<Object> r, int index) {
        Object v = r.get(index);
        return v instanceof Long l ? l : Long.parseLong((String) v);
    }

    static List<String> strings(List<Object> r, int from) {
        List<String> out = new ArrayList<>(r.size() - from);
        for (int i = from; i < r.size(); i++) {
            out.add((String) r.get(i));
        }
        return out;
    }
}
