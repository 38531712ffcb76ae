package dev.curtain.server.hold;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires holds on every node, whether or not Redis keyspace notifications arrive. Each sweep runs
 * the expiry script for the events with live holds; the script is atomic, so when several nodes
 * sweep at once exactly one of them expires (and announces) each hold. Events that gained holds on
 * other nodes are discovered from Redis once a second.
 */
@Singleton
public class HoldSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(HoldSweeper.class);
    private static final long DISCOVERY_MILLIS = 1000;

    private final HoldStore store;
    private final HoldConfiguration config;
    private final HoldMetrics metrics;
    private final Clock clock;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private volatile long lastDiscovery;
    private volatile boolean failing;

    private final boolean scheduled;

    /** @param scheduled false leaves sweeping to explicit {@link #sweep()} calls (tests drive the clock) */
    public HoldSweeper(HoldStore store, HoldConfiguration config, HoldMetrics metrics, Clock clock,
                       @Value("${curtain.holds.sweeper.enabled:true}") boolean scheduled) {
        this.scheduled = scheduled;
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${curtain.holds.sweep-interval-millis:250}ms", initialDelay = "1s")
    void scheduledSweep() {
        if (!scheduled) {
            return;
        }
        try {
            sweep();
            if (failing) {
                failing = false;
                LOG.info("event=sweep_recovered");
            }
        } catch (RuntimeException e) {
            // Redis may be away for a while: say so once, and keep trying.
            if (!failing) {
                failing = true;
                LOG.warn("event=sweep_failed error={}", e.toString());
            }
        }
    }

    /** One sweep over every known event; answers how many holds it expired. */
    public long sweep() {
        long now = System.currentTimeMillis();
        if (now - lastDiscovery >= DISCOVERY_MILLIS) {
            lastDiscovery = now;
            active.addAll(join(store.eventsWithLiveState()));
        }
        long total = 0;
        for (String eventId : List.copyOf(active)) {
            long[] result = join(store.expire(eventId, clock.instant(), config.sweepBatch()));
            total += result[0];
            if (result[1] == 0) {
                active.remove(eventId);
            }
        }
        if (total > 0) {
            metrics.expired(total);
        }
        return total;
    }

    /** Lets this node sweep an event at once, without waiting for discovery. */
    public void watch(String eventId) {
        active.add(eventId);
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("sweep step failed: " + e.getMessage(), e);
        }
    }
}
