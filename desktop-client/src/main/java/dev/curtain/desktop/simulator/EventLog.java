package dev.curtain.desktop.simulator;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * The run's event log as a bounded queue: users add, one reader (the screen, the command) takes. When
 * nobody takes fast enough the oldest lines give way, and are counted as dropped.
 */
public final class EventLog {

    private final ArrayBlockingQueue<LogEntry> lines;
    private final LongAdder dropped = new LongAdder();

    public EventLog(int capacity) {
        this.lines = new ArrayBlockingQueue<>(capacity);
    }

    public void add(LogEntry entry) {
        while (!lines.offer(entry)) {
            if (lines.poll() != null) {
                dropped.increment();
            }
        }
    }

    /** Moves up to {@code max} of the oldest lines into {@code into}; answers how many. */
    public int drainTo(Collection<? super LogEntry> into, int max) {
        return lines.drainTo(into, max);
    }

    public long dropped() {
        return dropped.sum();
    }
}
