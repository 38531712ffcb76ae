package dev.curtain.server.ops.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A thread-safe latency histogram in microseconds (1 µs to 10 min, 3 significant digits). */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** Milliseconds at the percentile (0–100). */
    double ms(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMs() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }
}
