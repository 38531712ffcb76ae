package dev.curtain.desktop.simulator;

import java.util.Locale;

/** How users arrive. */
public enum LoadMode {

    /** Closed loop: a fixed number of users at once; a new one starts when one finishes. */
    CLOSED,
    /** Open loop: users arrive at a fixed rate, whether or not earlier ones have finished. */
    OPEN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LoadMode parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (LoadMode m : values()) {
            if (m.name().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be closed or open; got '" + text + "'");
    }
}
