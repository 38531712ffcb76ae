package dev.curtain.desktop.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The counters of one run, written by every virtual user at once, read as {@link SimulationSnapshot}s. */
final class SimulationMetrics {

    private enum Series { ATTEMPTS, HOLDS, CONFLICTS, SALES, ERRORS }

    private final LongSupplier nanoTime;
    private final int users;
    private final double targetRate;
    private final long durationNanos;
    private volatile long startNanos = -1;

    final LongAdder usersStarted = new LongAdder();
    final LongAdder usersFinished = new LongAdder();
    final AtomicInteger active = new AtomicInteger();
    final LongAdder attempts = new LongAdder();
    final LongAdder holds = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder sales = new LongAdder();
    final LongAdder seatsSold = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAdder expired = new LongAdder();
    final LongAdder soldOut = new LongAdder();
    final LongAdder gaveUp = new LongAdder();
    final LongAdder stopped = new LongAdder();
    final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorsByCode = new ConcurrentHashMap<>();
    private final Map<Operation, LatencyRecorder> latency = new EnumMap<>(Operation.class);
    private final LatencyRecorder all = new LatencyRecorder();
    private final AtomicLongArray[] perSecond = new AtomicLongArray[Series.values().length];

    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong firstArrival = new AtomicLong(-1);
    private final AtomicLong lastArrival = new AtomicLong(-1);
    final LongAdder lateStarts = new LongAdder();

    SimulationMetrics(SimulationConfig config, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.users = config.users();
        this.targetRate = config.mode() == LoadMode.OPEN ? config.arrivalsPerSecond() : 0;
        this.durationNanos = config.duration().toNanos();
        for (Operation op : Operation.values()) {
            latency.put(op, new LatencyRecorder());
        }
        int seconds = (int) config.duration().toSeconds() + 120;
        for (int i = 0; i < perSecond.length; i++) {
            perSecond[i] = new AtomicLongArray(seconds);
        }
    }

    void started(long atNanos) {
        startNanos = atNanos;
    }

    long elapsedNanos() {
        long s = startNanos;
        return s < 0 ? 0 : nanoTime.getAsLong() - s;
    }

    void latency(Operation op, long nanos) {
        latency.get(op).record(nanos);
        all.record(nanos);
    }

    void attempt() {
        attempts.increment();
        count(Series.ATTEMPTS);
    }

    void held() {
        holds.increment();
        count(Series.HOLDS);
    }

    void conflict() {
        conflicts.increment();
        count(Series.CONFLICTS);
    }

    void sold(int seats) {
        sales.increment();
        seatsSold.add(seats);
        count(Series.SALES);
    }

    void error(String code) {
        errors.increment();
        errorsByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
        count(Series.ERRORS);
    }

    void arrival(long atNanos) {
        arrived.incrementAndGet();
        firstArrival.compareAndSet(-1, atNanos);
        lastArrival.accumulateAndGet(atNanos, Math::max);
    }

    private void count(Series series) {
        AtomicLongArray slots = perSecond[series.ordinal()];
        int second = (int) Math.min(slots.length() - 1, elapsedNanos() / 1_000_000_000L);
        slots.incrementAndGet(second);
    }

    SimulationSnapshot snapshot(SimulationSnapshot.Phase phase, long logDropped) {
        long elapsed = elapsedNanos();
        long finished = usersFinished.sum();
        double progress = phase == SimulationSnapshot.Phase.DONE ? 1
                : Math.min(1, Math.max((double) finished / users, durationNanos == 0 ? 0 : (double) elapsed / durationNanos));
        Map<String, LatencyRecorder.Summary> summaries = new LinkedHashMap<>();
        latency.forEach((op, recorder) -> summaries.put(op.label(), recorder.summary()));
        summaries.put("all", all.summary());
        Map<String, Long> codes = new TreeMap<>();
        errorsByCode.forEach((code, n) -> codes.put(code, n.sum()));
        long n = arrived.get();
        long first = firstArrival.get();
        long last = lastArrival.get();
        double achieved = n < 2 || last <= first ? 0 : (n - 1) * 1e9 / (last - first);
        return new SimulationSnapshot(phase, elapsed / 1_000_000, progress, users, usersStarted.sum(), finished,
                active.get(), attempts.sum(), holds.sum(), conflicts.sum(), retries.sum(), sales.sum(), seatsSold.sum(),
                abandoned.sum(), expired.sum(), soldOut.sum(), gaveUp.sum(), stopped.sum(), errors.sum(), codes,
                summaries, all.bars(), throughput(elapsed),
                new SimulationSnapshot.Arrivals(targetRate, n, Math.round(achieved * 100) / 100.0, lateStarts.sum()),
                logDropped);
    }

    private List<ThroughputPoint> throughput(long elapsedNanos) {
        int seconds = (int) Math.min(perSecond[0].length(), elapsedNanos / 1_000_000_000L + 1);
        List<ThroughputPoint> points = new ArrayList<>(seconds);
        for (int s = 0; s < seconds; s++) {
            points.add(new ThroughputPoint(s, at(Series.ATTEMPTS, s), at(Series.HOLDS, s), at(Series.CONFLICTS, s),
                    at(Series.SALES, s), at(Series.ERRORS, s)));
        }
        return points;
    }

    private long at(Series series, int second) {
        return perSecond[series.ordinal()].get(second);
    }
}
