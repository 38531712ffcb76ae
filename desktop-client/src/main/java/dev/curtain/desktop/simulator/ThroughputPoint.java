package dev.curtain.desktop.simulator;

/** What happened in one second of a run (second 0 is the first). */
public record ThroughputPoint(int second, long attempts, long holds, long conflicts, long sales, long errors) {
}
