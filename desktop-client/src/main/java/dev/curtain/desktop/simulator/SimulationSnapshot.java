package dev.curtain.desktop.simulator;

import java.util.List;
import java.util.Map;

/**
 * A run's figures at one moment; cheap enough to take several times a second. {@code latency} is keyed by
 * {@link Operation#label()}, with "all" for every request together; {@code histogram} is for all requests.
 *
 * @param progress    0 to 1: the larger of users finished and time used
 * @param attempts    hold requests made
 * @param holds       holds the server granted
 * @param conflicts   hold (or grow) requests refused because seats were taken
 * @param sales       bookings confirmed
 * @param seatsSold   seats in those bookings
 * @param abandoned   users who held and then let go (released, or walked away leaving the hold to expire)
 * @param expired     holds that expired before their user paid
 * @param soldOut     users who found nothing left on offer
 * @param gaveUp      users who used up their retries
 * @param stopped     users cut short by the end of the run
 * @param errors      requests that failed for other reasons (by code in {@code errorsByCode})
 */
public record SimulationSnapshot(
        Phase phase,
        long elapsedMillis,
        double progress,
        int users,
        long usersStarted,
        long usersFinished,
        int activeUsers,
        long attempts,
        long holds,
        long conflicts,
        long retries,
        long sales,
        long seatsSold,
        long abandoned,
        long expired,
        long soldOut,
        long gaveUp,
        long stopped,
        long errors,
        Map<String, Long> errorsByCode,
        Map<String, LatencyRecorder.Summary> latency,
        List<LatencyRecorder.Bar> histogram,
        List<ThroughputPoint> throughput,
        Arrivals arrivals,
        long logLinesDropped) {

    public enum Phase { PREPARING, RUNNING, STOPPING, CHECKING, DONE }

    /**
     * Open loop: the arrival rate asked for and the one kept ({@code achievedPerSecond}, from the first to the
     * last arrival); {@code lateStarts} arrived while every user slot was busy and started over 100 ms late.
     */
    public record Arrivals(double targetPerSecond, long arrived, double achievedPerSecond, long lateStarts) {
    }

    public LatencyRecorder.Summary latencyOf(String label) {
        return latency.getOrDefault(label, LatencyRecorder.Summary.EMPTY);
    }
}
