package dev.curtain.desktop.simulator;

import java.util.Locale;

/** The requests a virtual user makes, each timed on its own. */
public enum Operation {
    GUEST,
    SEAT_MAP,
    HOLD,
    GROW,
    CONFIRM,
    RELEASE;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
