package dev.curtain.desktop.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulation run, bounded in count ({@code users}) and time ({@code duration}).
 *
 * @param serverUrl         the one server the run talks to
 * @param users             virtual users in all (1 to 10,000)
 * @param seats             seats on offer, the contended seats: the best available ones of the performance,
 *                          or every seat of a throw-away performance made for the run
 * @param seatsPerUser      seats each user wants (realistic users want 1 to this many)
 * @param strategy          how users pick seats
 * @param mode              closed loop (fixed concurrency) or open loop (arrival rate)
 * @param concurrency       closed loop: users at once; open loop: users in flight at most
 * @param arrivalsPerSecond open loop: arrival rate
 * @param duration          the run stops at this time, finished or not
 * @param eventId           the target performance; null makes a throw-away performance for the run
 * @param maxRetries        hold attempts after a conflict, per user
 * @param retryBackoff      pause before a retry (jittered up to twice this)
 * @param realism           the realistic strategy's mix
 * @param buyers            accounts whose holds are paid (card terminal); empty: the account the simulator runs as
 * @param holdsPerBuyer     live holds one buyer account may have at once on the performance (the server's
 *                          {@code CURTAIN_HOLDS_MAX_LIVE_PER_PRINCIPAL}, 10 by default)
 * @param undoSales         refund every simulated sale after the run (for a real performance)
 * @param seed              random seed, so that a run's choices can be repeated
 */
public record SimulationConfig(
        String serverUrl,
        int users,
        int seats,
        int seatsPerUser,
        Strategy strategy,
        LoadMode mode,
        int concurrency,
        double arrivalsPerSecond,
        Duration duration,
        String eventId,
        int maxRetries,
        Duration retryBackoff,
        Realism realism,
        List<Credentials> buyers,
        int holdsPerBuyer,
        boolean undoSales,
        long seed) {

    public static final int MAX_USERS = 10_000;
    public static final int MAX_SEATS = 20_000;
    public static final int MAX_SEATS_PER_USER = 10;
    public static final int MAX_CONCURRENCY = 1_000;
    public static final double MAX_RATE = 2_000;
    public static final Duration MAX_DURATION = Duration.ofHours(1);

    public SimulationConfig {
        buyers = buyers == null ? List.of() : List.copyOf(buyers);
        List<String> problems = problems(serverUrl, users, seats, seatsPerUser, strategy, mode, concurrency,
                arrivalsPerSecond, duration, maxRetries, retryBackoff, realism, holdsPerBuyer);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public static Builder builder(String serverUrl) {
        return new Builder(serverUrl);
    }

    public Builder toBuilder() {
        Builder b = new Builder(serverUrl);
        b.users = users;
        b.seats = seats;
        b.seatsPerUser = seatsPerUser;
        b.strategy = strategy;
        b.mode = mode;
        b.concurrency = concurrency;
        b.arrivalsPerSecond = arrivalsPerSecond;
        b.duration = duration;
        b.eventId = eventId;
        b.maxRetries = maxRetries;
        b.retryBackoff = retryBackoff;
        b.realism = realism;
        b.buyers = buyers;
        b.holdsPerBuyer = holdsPerBuyer;
        b.undoSales = undoSales;
        b.seed = seed;
        return b;
    }

    public boolean throwAwayPerformance() {
        return eventId == null;
    }

    /** "rush, closed loop, 1000 users (200 at once) on 100 seats, 2 each, 30 s". */
    public String summary() {
        String load = mode == LoadMode.CLOSED ? "closed loop, " + users + " users (" + concurrency + " at once)"
                : String.format(java.util.Locale.ROOT, "open loop, up to %d users arriving %.1f/s", users, arrivalsPerSecond);
        return strategy.label() + ", " + load + " on " + seats + " seats, " + seatsPerUser + " each, "
                + duration.toSeconds() + " s";
    }

    private static List<String> problems(String serverUrl, int users, int seats, int seatsPerUser, Strategy strategy,
                                         LoadMode mode, int concurrency, double rate, Duration duration, int maxRetries,
                                         Duration retryBackoff, Realism realism, int holdsPerBuyer) {
        List<String> p = new ArrayList<>();
        if (serverUrl == null || !serverUrl.matches("https?://.+")) {
            p.add("server must be an http:// or https:// address");
        }
        range(p, "users", users, 1, MAX_USERS);
        range(p, "seats", seats, 1, MAX_SEATS);
        range(p, "seats per user", seatsPerUser, 1, MAX_SEATS_PER_USER);
        range(p, "concurrency", concurrency, 1, MAX_CONCURRENCY);
        range(p, "retries", maxRetries, 0, 20);
        range(p, "holds per buyer", holdsPerBuyer, 1, 100);
        if (strategy == null) {
            p.add("a strategy is required");
        }
        if (mode == null) {
            p.add("a mode is required");
        } else if (mode == LoadMode.OPEN && !(rate >= 0.1 && rate <= MAX_RATE)) {
            p.add("arrival rate must be from 0.1 to " + (int) MAX_RATE + " users a second");
        }
        if (duration == null || duration.toMillis() < 1000 || duration.compareTo(MAX_DURATION) > 0) {
            p.add("duration must be from 1 second to 1 hour");
        }
        if (retryBackoff == null || retryBackoff.isNegative() || retryBackoff.toMillis() > 10_000) {
            p.add("retry back-off must be from 0 to 10 seconds");
        }
        if (realism == null) {
            p.add("realism settings are required");
        }
        return p;
    }

    private static void range(List<String> p, String what, int value, int min, int max) {
        if (value < min || value > max) {
            p.add(what + " must be from " + min + " to " + max + "; got " + value);
        }
    }

    /** Defaults: 100 users, rush on 20 seats, 2 each, closed loop, 30 s, throw-away performance. */
    public static final class Builder {
        private final String serverUrl;
        private int users = 100;
        private int seats = 20;
        private int seatsPerUser = 2;
        private Strategy strategy = Strategy.RUSH;
        private LoadMode mode = LoadMode.CLOSED;
        private Integer concurrency;
        private double arrivalsPerSecond = 50;
        private Duration duration = Duration.ofSeconds(30);
        private String eventId;
        private int maxRetries = 3;
        private Duration retryBackoff = Duration.ofMillis(20);
        private Realism realism = Realism.DEFAULT;
        private List<Credentials> buyers = List.of();
        private int holdsPerBuyer = 10;
        private boolean undoSales;
        private long seed = System.nanoTime();

        private Builder(String serverUrl) {
            this.serverUrl = serverUrl;
        }

        public Builder users(int v) {
            users = v;
            return this;
        }

        public Builder seats(int v) {
            seats = v;
            return this;
        }

        public Builder seatsPerUser(int v) {
            seatsPerUser = v;
            return this;
        }

        public Builder strategy(Strategy v) {
            strategy = v;
            return this;
        }

        public Builder mode(LoadMode v) {
            mode = v;
            return this;
        }

        /** Default: every user at once, up to 200. */
        public Builder concurrency(int v) {
            concurrency = v;
            return this;
        }

        public Builder arrivalsPerSecond(double v) {
            arrivalsPerSecond = v;
            return this;
        }

        public Builder duration(Duration v) {
            duration = v;
            return this;
        }

        public Builder eventId(String v) {
            eventId = v == null || v.isBlank() ? null : v.strip();
            return this;
        }

        public Builder maxRetries(int v) {
            maxRetries = v;
            return this;
        }

        public Builder retryBackoff(Duration v) {
            retryBackoff = v;
            return this;
        }

        public Builder realism(Realism v) {
            realism = v;
            return this;
        }

        public Builder buyers(List<Credentials> v) {
            buyers = v;
            return this;
        }

        public Builder holdsPerBuyer(int v) {
            holdsPerBuyer = v;
            return this;
        }

        public Builder undoSales(boolean v) {
            undoSales = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public SimulationConfig build() {
            int c = concurrency != null ? concurrency : Math.max(1, Math.min(users, 200));
            return new SimulationConfig(serverUrl, users, seats, seatsPerUser, strategy, mode, c, arrivalsPerSecond,
                    duration, eventId, maxRetries, retryBackoff, realism, buyers, holdsPerBuyer, undoSales, seed);
        }
    }
}
