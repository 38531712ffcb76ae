package dev.curtain.desktop.ui.sale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.curtain.desktop.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HoldCountdownTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
    private final HoldCountdown countdown = new HoldCountdown(clock);

    @Test
    void countsDownWarnsInTheLastMinuteAndReportsExpiryOnce() {
        countdown.start(clock.instant().plusSeconds(125));
        assertThat(countdown.textProperty().get()).isEqualTo("2:05");
        assertThat(countdown.warningProperty().get()).isFalse();

        clock.advance(Duration.ofSeconds(66));
        assertThat(countdown.tick()).isFalse();
        assertThat(countdown.textProperty().get()).isEqualTo("0:59");
        assertThat(countdown.warningProperty().get()).isTrue();

        clock.advance(Duration.ofSeconds(60));
        assertThat(countdown.tick()).isTrue();
        assertThat(countdown.runningProperty().get()).isFalse();
        assertThat(countdown.tick()).isFalse();
    }

    @Test
    void anExtendedHoldStopsWarning() {
        countdown.start(clock.instant().plusSeconds(30));
        assertThat(countdown.warningProperty().get()).isTrue();
        countdown.start(clock.instant().plusSeconds(600));
        assertThat(countdown.warningProperty().get()).isFalse();
        assertThat(countdown.secondsLeftProperty().get()).isEqualTo(600);
    }
}
