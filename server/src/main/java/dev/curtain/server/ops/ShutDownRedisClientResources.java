package dev.curtain.server.ops;

import io.lettuce.core.RedisClient;
import io.micronaut.context.event.BeanDestroyedEvent;
import io.micronaut.context.event.BeanDestroyedEventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Shuts down the Redis client's thread pools once the client is. Micronaut's Redis factory always
 * hands the client resources it built itself, which the client then takes as shared and never
 * shuts down: each stopped server left its Lettuce threads behind, and Lettuce warned about them
 * when they were garbage-collected (seen in every test run, one per server started).
 */
@Singleton
public class ShutDownRedisClientResources implements BeanDestroyedEventListener<RedisClient> {

    @Override
    public void onDestroyed(BeanDestroyedEvent<RedisClient> event) {
        event.getBean().getResources().shutdown(0, 2, TimeUnit.SECONDS);
    }
}
