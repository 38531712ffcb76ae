package dev.curtain.desktop.simulator;

import java.time.Duration;

/**
 * What the realistic strategy mixes in: think time (exponentially distributed around {@code think},
 * at most five times it) before holding and again before paying; the share of users who hold and
 * then abandon (of those, {@code walkAwayShare} leave the hold to expire instead of releasing it);
 * the share of users who add a seat to their hold.
 */
public record Realism(Duration think, double abandonRate, double growRate, double walkAwayShare) {

    public static final Realism DEFAULT = new Realism(Duration.ofMillis(800), 0.3, 0.2, 0.5);

    public Realism {
        if (think == null || think.isNegative() || think.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("think time must be from 0 to 60 seconds");
        }
        for (double share : new double[] {abandonRate, growRate, walkAwayShare}) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("abandon, grow and walk-away shares must be from 0 to 1");
            }
        }
    }

    public Realism withThink(Duration newThink) {
        return new Realism(newThink, abandonRate, growRate, walkAwayShare);
    }

    public Realism withAbandonRate(double rate) {
        return new Realism(think, rate, growRate, walkAwayShare);
    }

    public Realism withGrowRate(double rate) {
        return new Realism(think, abandonRate, rate, walkAwayShare);
    }
}
