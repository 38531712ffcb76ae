package dev.curtain.server.hold;

import dev.curtain.model.hold.Hold;
import dev.curtain.server.web.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

/** Counters and the latency timer of the hold path, as Prometheus shows them. */
@Singleton
public class HoldMetrics {

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter conflicted;
    private final Counter refused;
    private final Counter expired;
    private final Counter released;
    private final Timer latency;

    public HoldMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = Counter.builder("curtain.holds.created").description("Holds created").register(registry);
        this.conflicted = Counter.builder("curtain.holds.conflicted")
                .description("Hold requests refused because seats were taken").register(registry);
        this.refused = Counter.builder("curtain.holds.refused")
                .description("Hold requests refused for other reasons (limits, bad input)").register(registry);
        this.expired = Counter.builder("curtain.holds.expired").description("Holds expired by time").register(registry);
        this.released = Counter.builder("curtain.holds.released").description("Holds released by their owner").register(registry);
        this.latency = Timer.builder("curtain.holds.latency").description("Time to answer a hold request")
                .publishPercentileHistogram().register(registry);
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    void holdAttempt(Timer.Sample sample, Hold hold, Throwable error) {
        sample.stop(latency);
        if (error == null) {
            created.increment();
        } else if (error instanceof DomainException d
                && ("SEATS_UNAVAILABLE".equals(d.code()) || "NO_BLOCK_AVAILABLE".equals(d.code()))) {
            conflicted.increment();
        } else {
            refused.increment();
        }
    }

    void released() {
        released.increment();
    }

    void expired(long count) {
        expired.increment(count);
    }
}
