package dev.curtain.desktop.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a virtual user picks its seats among the seats on offer. */
public enum Strategy {

    /** Everyone reaches for the same seats: the best seats on offer that the user does not know are gone. */
    RUSH("everyone on the same seats"),
    /** Random seats among those on offer. */
    RANDOM("random seats on offer"),
    /** The server's "best N together" (it picks; the seats may lie outside the ones on offer). */
    BEST("the server's best N together"),
    /** A mix: think time, best or random seats, growing holds, abandoned holds, payments. */
    REALISTIC("think, pick, sometimes grow or abandon, pay");

    private final String description;

    Strategy(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "rush", "RUSH", "best" … */
    public static Strategy parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(t)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("strategy must be one of " + Arrays.stream(values()).map(Strategy::label)
                        .collect(Collectors.joining(", ")) + "; got '" + text + "'"));
    }
}
