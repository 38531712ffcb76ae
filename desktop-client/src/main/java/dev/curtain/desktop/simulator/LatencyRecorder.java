package dev.curtain.desktop.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Recorder;

/**
 * Request latencies of one kind. Any number of threads record (HdrHistogram's {@link Recorder}, wait-free);
 * readers fold what was recorded since the last read into a running total, so percentiles are exact to
 * three significant digits and never block a virtual user.
 */
public final class LatencyRecorder {

    private static final long HIGHEST_MICROS = 120_000_000L;
    /** Upper bounds of the histogram's bars, in milliseconds; the last bar takes everything slower. */
    private static final double[] BAR_BOUNDS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};

    /** Percentiles in milliseconds. */
    public record Summary(long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
        public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0);
    }

    /** One bar of the histogram: requests that took from {@code fromMs} (inclusive) to {@code toMs} (exclusive; null: no limit). */
    public record Bar(String label, double fromMs, Double toMs, long count) {
    }

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private Histogram interval;

    public void record(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1000)));
    }

    public synchronized Summary summary() {
        fold();
        if (total.getTotalCount() == 0) {
            return Summary.EMPTY;
        }
        return new Summary(total.getTotalCount(), ms(total.getMean()), ms(total.getValueAtPercentile(50)),
                ms(total.getValueAtPercentile(95)), ms(total.getValueAtPercentile(99)), ms(total.getMaxValue()));
    }

    public synchronized List<Bar> bars() {
        fold();
        long[] counts = new long[BAR_BOUNDS_MS.length + 1];
        for (HistogramIterationValue v : total.recordedValues()) {
            double ms = total.medianEquivalentValue(v.getValueIteratedTo()) / 1000.0;
            int bar = 0;
            while (bar < BAR_BOUNDS_MS.length && ms >= BAR_BOUNDS_MS[bar]) {
                bar++;
            }
            counts[bar] += v.getCountAtValueIteratedTo();
        }
        List<Bar> bars = new ArrayList<>();
        double from = 0;
        for (int i = 0; i < BAR_BOUNDS_MS.length; i++) {
            bars.add(new Bar(label(from, BAR_BOUNDS_MS[i]), from, BAR_BOUNDS_MS[i], counts[i]));
            from = BAR_BOUNDS_MS[i];
        }
        bars.add(new Bar("≥" + number(from / 1000) + " s", from, null, counts[BAR_BOUNDS_MS.length]));
        return bars;
    }

    private void fold() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
    }

    private static double ms(double micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    /** "<1 ms", "200–500 ms", "0.5–1 s". */
    private static String label(double fromMs, double toMs) {
        if (fromMs == 0) {
            return "<" + number(toMs) + " ms";
        }
        return toMs >= 1000 ? number(fromMs / 1000) + "–" + number(toMs / 1000) + " s"
                : number(fromMs) + "–" + number(toMs) + " ms";
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
