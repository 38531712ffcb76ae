package dev.curtain.desktop.ui.sale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Seconds left on the hold, a warning in the last minute, and the moment it runs out. */
public final class HoldCountdown {

    static final long WARN_SECONDS = 60;

    private final Clock clock;
    private final LongProperty secondsLeft = new SimpleLongProperty(0);
    private final BooleanProperty warning = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty text = new SimpleStringProperty("");
    private Instant expiresAt;

    public HoldCountdown(Clock clock) {
        this.clock = clock;
    }

    public void start(Instant expiresAt) {
        this.expiresAt = expiresAt;
        running.set(true);
        tick();
    }

    public void stop() {
        expiresAt = null;
        running.set(false);
        warning.set(false);
        secondsLeft.set(0);
        text.set("");
    }

    /** Called every second by the view's timer; answers true at the moment the hold runs out. */
    public boolean tick() {
        if (expiresAt == null) {
            return false;
        }
        long left = Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
        secondsLeft.set(left);
        warning.set(left <= WARN_SECONDS);
        text.set(String.format("%d:%02d", left / 60, left % 60));
        if (left == 0) {
            stop();
            return true;
        }
        return false;
    }

    public LongProperty secondsLeftProperty() {
        return secondsLeft;
    }

    public BooleanProperty warningProperty() {
        return warning;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty textProperty() {
        return text;
    }
}
