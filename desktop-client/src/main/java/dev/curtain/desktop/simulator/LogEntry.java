package dev.curtain.desktop.simulator;

import java.util.Locale;

/** One line of a run's event log: what a virtual user (or the run) did, and when, from the run's start. */
public record LogEntry(long atMillis, int user, Kind kind, String text) {

    public enum Kind { INFO, HOLD, CONFLICT, SALE, ABANDON, ERROR }

    /** "+1.234 s  user 17  held HALL-A-1 (12 ms)"; the run's own lines have no user. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "+%.3f s  %s%s", atMillis / 1000.0, user < 0 ? "" : "user " + user + "  ", text);
    }
}
